import CHunspell
import Foundation
import Synchronization

/// hunspell (en_US) behind a lock, with a cache of answers.
///
/// A `Hunhandle` is not thread-safe, so the handle lives inside a `Mutex` and every call goes through it:
/// the class is `Sendable` because all its mutable state is behind that lock (Swift 6 strict concurrency
/// checks this; no `@unchecked` needed). Answers are cached, so the lock is held for a dictionary look-up
/// for almost every word of a long document.
public final class Speller: Sendable {
    struct State: ~Copyable {
        var handle: OpaquePointer?
        var known: [String: Bool] = [:]
        var suggestions: [String: [String]] = [:]
    }

    private let state: Mutex<State>
    /// Whether a dictionary was found and loaded.
    public let isAvailable: Bool

    /// The shared speller (en_US from `MESH_HUNSPELL_DIR`, `/usr/share/hunspell` or `/usr/share/myspell`).
    public static let shared = Speller()

    public init(language: String = "en_US") {
        var dirs = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"]
        if let env = ProcessInfo.processInfo.environment["MESH_HUNSPELL_DIR"] { dirs.insert(env, at: 0) }
        var handle: OpaquePointer?
        for dir in dirs {
            let aff = "\(dir)/\(language).aff", dic = "\(dir)/\(language).dic"
            if FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic) {
                handle = Hunspell_create(aff, dic)
                if handle != nil { break }
            }
        }
        if let handle {
            for word in Vocabulary.builtIn { _ = Hunspell_add(handle, word) }
        }
        isAvailable = handle != nil
        state = Mutex(State(handle: handle))
    }

    deinit {
        state.withLock { s in
            if let h = s.handle { Hunspell_destroy(h) }
            s.handle = nil
        }
    }

    /// Whether hunspell knows `word` (true when no dictionary is loaded).
    public func check(_ word: String) -> Bool {
        state.withLock { s in
            if let k = s.known[word] { return k }
            guard let h = s.handle else { return true }
            let ok = Hunspell_spell(h, word) != 0
            if s.known.count > 200_000 { s.known.removeAll(keepingCapacity: true) }
            s.known[word] = ok
            return ok
        }
    }

    /// Up to `limit` suggestions, best first: known words one edit away (swapped, missing, extra or wrong
    /// letter), found with hunspell's fast `spell`. hunspell's own n-gram `suggest` costs milliseconds a word
    /// and would cap throughput, so a word with no known neighbour one edit away gets no replacement.
    public func suggest(_ word: String, limit: Int = 3) -> [String] {
        state.withLock { s in
            if let cached = s.suggestions[word] { return Array(cached.prefix(limit)) }
            guard let h = s.handle else { return [] }
            var out: [String] = []
            func known(_ w: String) -> Bool {
                if let k = s.known[w] { return k }
                return Hunspell_spell(h, w) != 0
            }
            func consider(_ scalars: [Unicode.Scalar]) {
                let w = String(String.UnicodeScalarView(scalars))
                if w != word, !out.contains(w), known(w) { out.append(w) }
            }
            let x = Array(word.unicodeScalars)
            let letters = Array("etaoinshrdlcumwfgypbvkjxqz".unicodeScalars)
            if x.count <= 24, x.allSatisfy({ $0.isASCII }) {
                // ASCII: candidates are built in one C buffer and checked without making Strings.
                let b = x.map { CChar(truncatingIfNeeded: $0.value) }
                let lb = letters.map { CChar(truncatingIfNeeded: $0.value) }
                let n = b.count
                var buf = [CChar](repeating: 0, count: n + 2)
                func check(_ len: Int) {
                    buf[len] = 0
                    guard Hunspell_spell(h, buf) != 0 else { return }
                    let w = String(cString: buf)
                    if w != word, !out.contains(w) { out.append(w) }
                }
                for i in 0..<max(0, n - 1) where b[i] != b[i + 1] {
                    for k in 0..<n { buf[k] = b[k] }
                    buf.swapAt(i, i + 1)
                    check(n)
                }
                if n > 1 {
                    for i in 0..<n {
                        var k = 0
                        for j in 0..<n where j != i { buf[k] = b[j]; k += 1 }
                        check(n - 1)
                    }
                }
                for i in 0...n {
                    for c in lb {
                        var k = 0
                        for j in 0..<i { buf[k] = b[j]; k += 1 }
                        buf[k] = c; k += 1
                        for j in i..<n { buf[k] = b[j]; k += 1 }
                        check(n + 1)
                    }
                }
                for i in 0..<n {
                    for k in 0..<n { buf[k] = b[k] }
                    for c in lb where c != b[i] {
                        buf[i] = c
                        check(n)
                    }
                }
            } else if x.count <= 24 {
                for i in 0..<max(0, x.count - 1) where x[i] != x[i + 1] {
                    var y = x; y.swapAt(i, i + 1); consider(y)
                }
                for i in 0..<x.count where x.count > 1 {
                    var y = x; y.remove(at: i); consider(y)
                }
                for i in 0...x.count {
                    for c in letters { var y = x; y.insert(c, at: i); consider(y) }
                }
                for i in 0..<x.count {
                    for c in letters where c != x[i] { var y = x; y[i] = c; consider(y) }
                }
            }
            if s.suggestions.count > 20_000 { s.suggestions.removeAll(keepingCapacity: true) }
            s.suggestions[word] = out
            return Array(out.prefix(limit))
        }
    }
}

/// Words of software writing that hunspell's en_US lacks; the project's own go in `vocabulary.accept`.
enum Vocabulary {
    static let builtIn: [String] = """
    async await backend frontend config configs repo repos namespace namespaces middleware runtime runtimes enum enums
    struct structs boolean booleans stdin stdout stderr inline plugin plugins dropdown username usernames webhook webhooks
    workflow workflows toolchain toolchains codebase codebases refactor refactoring refactored unicode email emails
    e-mail online offline login logout signup checkbox checkboxes tooltip tooltips hostname hostnames localhost
    filename filenames filesystem filesystems datastore metadata timestamp timestamps dataset datasets subfolder
    subfolders subdirectory subdirectories untrusted unmarshal serializer deserialize deserialization serialization
    lookup lookups iterator iterators initializer initializers mutex mutexes subprocess subprocesses microservice
    microservices API APIs URL URLs JSON YAML HTML CSS CLI SDK SDKs HTTP HTTPS TCP UDP SQL UI UX CPU CPUs GPU GPUs
    OK ok Redis Kubernetes Docker GitHub GitLab Linux macOS iOS Swift Rust Python JavaScript TypeScript Vale proselint
    hunspell readme changelog preprocess preprocessing postprocess npm pip cargo rustc rustup debug debugging
    whitespace hashmap hashmaps closure closures monospace programmatically performant unescaped mutable immutable
    amongst whilst bandaid jewellery ebook ebooks blog blogs blogger website websites smartphone smartphones app apps wifi
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}
