import CHunspell
import Foundation
import MeshText
import Synchronization

/// hunspell (en_US) behind a lock, with a cache of answers behind another.
///
/// A `Hunhandle` is not thread-safe, so the handle lives inside a `Mutex` and every call goes through it:
/// the class is `Sendable` because all its mutable state is behind those locks (Swift 6 strict concurrency
/// checks this; no `@unchecked` needed). Answers are cached, and the cache has a lock of its own, so a thread
/// looking up a word it has met (almost every word of a long document) never waits for another's hunspell
/// calls. Each lock is held for one look-up or one hunspell call, never for a whole search.
public final class Speller: Sendable {
    struct Caches: ~Copyable {
        var known = SpellCache()
        var suggestions: [String: [String]] = [:]
        /// Suggestions worked out so far without the filter (see `suggestionsBeforeFilter`).
        var unfiltered = 0
    }

    /// The handle: nil when no dictionary was found.
    private let hunspell: Mutex<OpaquePointer?>
    private let caches = Mutex(Caches())
    /// Whether a dictionary was found and loaded.
    public let isAvailable: Bool
    /// Every letters-only word form the dictionary can produce (a superset), to skip hopeless candidates. Built
    /// once `suggestionsBeforeFilter` suggestions have been worked out without it (or by `prepareSuggestions`):
    /// building it was half the CPU of a one-word `mesh submit`.
    private let lazyForms: LazyDictionaryForms?
    var forms: DictionaryForms? { lazyForms?.value }
    /// Whether the filter is built.
    var filterIsBuilt: Bool { lazyForms?.isBuilt ?? false }

    /// Building the filter costs what some 45 suggestions cost without it (227 M instructions against about 5 M, each
    /// candidate a hunspell call): so the first 40 go without it, and a process that asks for few never builds it.
    /// One that asks for many pays at most that much more than had it built the filter first. The producer, finding
    /// terms, asked for 33 on `make bench-mesh`'s 1.27 MB; the grammar check asks for hundreds.
    static let suggestionsBeforeFilter = 40

    /// The shared speller (en_US from `MESH_HUNSPELL_DIR`, `/usr/share/hunspell` or `/usr/share/myspell`).
    public static let shared = Speller()

    /// `filterCandidates: false` checks every suggestion candidate with hunspell (the same answers, slower).
    public init(language: String = "en_US", filterCandidates: Bool = true) {
        var dirs = ["/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts"]
        if let env = ProcessInfo.processInfo.environment["MESH_HUNSPELL_DIR"] { dirs.insert(env, at: 0) }
        var handle: OpaquePointer?
        var forms: LazyDictionaryForms?
        for dir in dirs {
            let aff = "\(dir)/\(language).aff", dic = "\(dir)/\(language).dic"
            if FileManager.default.fileExists(atPath: aff), FileManager.default.fileExists(atPath: dic) {
                handle = Speller.lifecycle.withLock { _ in Hunspell_create(aff, dic) }
                if handle != nil {
                    if filterCandidates { forms = LazyDictionaryForms(aff: aff, dic: dic) }
                    break
                }
            }
        }
        if let handle {
            for word in Vocabulary.builtIn { _ = Hunspell_add(handle, word) }
            // The shipped technical terms, with the plural and possessive of a noun ("impls", "hasher's").
            for word in TechTerms.words { _ = Hunspell_add_with_affix(handle, word, "pixel") }
            // Standard English words of SCOWL hunspell's own size leaves out ("snuck", "ay"), as they are.
            for word in EnglishWords.words { _ = Hunspell_add(handle, word) }
        }
        isAvailable = handle != nil
        self.lazyForms = forms
        hunspell = Mutex(handle)
    }

    deinit {
        hunspell.withLock { handle in
            if let h = handle { Speller.lifecycle.withLock { _ in Hunspell_destroy(h) } }
            handle = nil
        }
    }

    /// hunspell counts the users of a process-wide UTF-8 table without a lock when a handle is created or
    /// destroyed (and frees the table when the count reaches zero), so creating and destroying handles on
    /// several threads at once can corrupt the heap: those two calls take this lock.
    private static let lifecycle = Mutex<Void>(())

    /// Builds now the word forms that suggestions are filtered with (otherwise built by the first `suggest`), for a
    /// caller with a thread to spare before it asks for any.
    public func prepareSuggestions() { _ = forms }

    /// Whether hunspell knows `word` (true when no dictionary is loaded).
    public func check(_ word: String) -> Bool { check(word, hash: fnv1a(word)) }

    /// `check(word)` given `fnv1a(word)`, such as a token's `lowerHash` for a word that is its own lower case.
    func check(_ word: String, hash: UInt64) -> Bool {
        if let k = caches.withLock({ $0.known[word, hash] }) { return k }
        let ok = hunspell.withLock { handle in handle.map { Hunspell_spell($0, word) != 0 } ?? true }
        caches.withLock { c in
            if c.known.count > 200_000 { c.known.removeAll() }
            c.known[word, hash] = ok
        }
        return ok
    }

    /// Up to `limit` suggestions, best first: known words one edit away (swapped, missing, extra or wrong
    /// letter), found with hunspell's fast `spell`. hunspell's own n-gram `suggest` costs milliseconds a word
    /// and would cap throughput, so a word with no known neighbour one edit away gets no replacement.
    public func suggest(_ word: String, limit: Int = 3) -> [String] {
        // Each candidate takes the handle's lock for its own hunspell call. The whole search (hundreds of calls,
        // some 1.5 ms) once held one lock, and another thread checking a word meanwhile spun that long in the
        // kernel (a `Mutex` is a priority-inheritance futex): a tenth of the producer's CPU, finding terms on two
        // cores.
        guard isAvailable else { return [] }
        let start = caches.withLock { c -> (cached: [String]?, filtered: Bool) in
            if let cached = c.suggestions[word] { return (cached, false) }
            if c.unfiltered < Speller.suggestionsBeforeFilter, !filterIsBuilt {
                c.unfiltered += 1
                return (nil, false)
            }
            return (nil, true)
        }
        if let cached = start.cached { return Array(cached.prefix(limit)) }
        var out: [String] = []
        func known(_ w: String) -> Bool {
            if let k = caches.withLock({ $0.known[w, fnv1a(w)] }) { return k }
            return hunspell.withLock { handle in handle.map { Hunspell_spell($0, w) != 0 } ?? false }
        }
        func consider(_ scalars: [Unicode.Scalar]) {
            let w = makeString(scalars, 0, scalars.count)
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
            // Built (once, the first time) outside the speller's lock.
            let forms = start.filtered ? self.forms : nil
            func check(_ len: Int) {
                // A candidate no dictionary form matches (ignoring case) cannot pass hunspell: skip the call.
                if let forms, !forms.mayContain(buf, count: len) { return }
                buf[len] = 0
                let spelled = hunspell.withLock { handle in handle.map { Hunspell_spell($0, buf) != 0 } ?? false }
                guard spelled else { return }
                let w = String(decoding: buf[0..<len].map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
        caches.withLock { c in
            if c.suggestions.count > 20_000 { c.suggestions.removeAll(keepingCapacity: true) }
            c.suggestions[word] = out
        }
        return Array(out.prefix(limit))
    }
}

/// `DictionaryForms` of one dictionary, built once, on first use, by whichever thread asks first.
final class LazyDictionaryForms: Sendable {
    private let aff: String
    private let dic: String
    /// nil until built; then the forms, or nil inside when the files could not be read.
    private let built = Mutex<DictionaryForms??>(nil)

    init(aff: String, dic: String) {
        self.aff = aff
        self.dic = dic
    }

    var isBuilt: Bool { built.withLock { $0 != nil } }

    var value: DictionaryForms? {
        built.withLock { (stored: inout DictionaryForms??) -> DictionaryForms? in
            if let existing = stored { return existing }
            let made = DictionaryForms(aff: aff, dic: dic, extra: Vocabulary.builtIn + TechTerms.words + EnglishWords.words)
            stored = .some(made)
            return made
        }
    }
}

/// The lower-case, letters-only word forms that a hunspell dictionary can produce, kept as 64-bit hashes: a
/// necessary condition for `Hunspell_spell` to accept a letters-only ASCII word, so suggestion candidates that
/// fail it are dropped without calling hunspell (each call costs thousands of instructions; a hash look-up about
/// a hundred). The forms are a superset of hunspell's: every affix rule of an entry's flags is applied whenever
/// its strip and condition match (a condition it cannot read is ignored), whatever the cross-product setting.
/// Hunspell accepts a letters-only word only as a case variant of such a form (plain, capitalised, all
/// capitals), so filtering on the lower case never drops a word hunspell knows; a hash collision only lets a
/// candidate through to hunspell. Dictionaries that need more (compounding of letter words, long or numeric
/// flags, `IGNORE`, affixes with continuation classes) get no filter (`nil`), and every candidate is checked.
struct DictionaryForms: Sendable {
    let hashes: HashTable

    init?(aff: String, dic: String, extra: [String] = []) {
        guard let affData = FileManager.default.contents(atPath: aff), let affText = String(data: affData, encoding: .utf8),
              let dicData = FileManager.default.contents(atPath: dic) else { return nil }
        struct Affix { var prefix: Bool; var strip: [UInt8]; var add: [UInt8]; var condition: AffixCondition? }
        // By flag byte: a dictionary of flags hashed each of the 180,000 look-ups with SipHash.
        var affixes = [[Affix]](repeating: [], count: 256)
        var compoundRuleFlags = Set<UInt8>()
        for line in affText.split(separator: "\n") {
            let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let key = f.first else { continue }
            switch key {
            case "FLAG", "IGNORE", "COMPOUNDFLAG", "COMPOUNDBEGIN", "COMPOUNDMIDDLE", "COMPOUNDEND", "COMPLEXPREFIXES", "AF", "FULLSTRIP":
                return nil
            case "COMPOUNDRULE" where f.count >= 2 && Int(f[1]) == nil:
                for b in f[1].utf8 where b != UInt8(ascii: "*") && b != UInt8(ascii: "?") && b != UInt8(ascii: "(") && b != UInt8(ascii: ")") {
                    compoundRuleFlags.insert(b)
                }
            case "PFX", "SFX":
                guard f.count >= 4, f[1].utf8.count == 1 else { return nil }
                let flag = f[1].utf8.first!
                if f.count == 4, f[2] == "Y" || f[2] == "N", Int(f[3]) != nil { continue } // header: PFX A Y 1
                if f[3].contains("/") { return nil }
                let strip = f[2] == "0" ? [] : Array(f[2].utf8), add = f[3] == "0" ? [] : Array(f[3].utf8)
                let condition = f.count >= 5 ? AffixCondition(f[4]) : nil
                affixes[Int(flag)].append(Affix(prefix: key == "PFX", strip: strip, add: add, condition: condition))
            default:
                continue
            }
        }
        // Every form is hashed as it is made, without building it: a suffix form's hash goes on from the root's
        // hash after its kept letters (`states`), so only prefixed roots become arrays. The hashes go into an
        // array, sorted and made unique once at the end (a `Set` hashed each with SipHash and grew as it went).
        // Building en_US's 130,000 forms took 460 M instructions with arrays and a set; it is the first
        // suggestion's cost in every process (`mesh-agents` on one file, the producer finding a document's terms).
        var hashes: [UInt64] = []
        hashes.reserveCapacity(dicData.count / 2)
        var ok = true
        let offset = Self.offset, prime = Self.prime
        var states: [UInt64] = []  // states[i]: the hash of the root's first i bytes, while they are letters
        var prefixed: [[UInt8]] = []
        dicData.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            // Line by line in place: an array of the file's 50,000 line slices was the specialist's largest
            // allocation (6 MB with its growth), for a moment.
            var next = 0
            var firstLine = true
            while next < b.count {
                let lineEnd = b[next...].firstIndex(of: 10) ?? b.count
                let line = b[next..<lineEnd]
                next = lineEnd + 1
                if line.isEmpty { continue }
                defer { firstLine = false }
                if firstLine, line.allSatisfy({ $0 >= 48 && $0 <= 57 || $0 == 32 || $0 == 13 }) { continue } // the count
                // word[/flags][whitespace morphology]
                var end = line.startIndex
                while end < line.endIndex, line[end] != 9, line[end] != 32, line[end] != 13 { end += 1 }
                let entry = line[line.startIndex..<end]
                let slash = entry.firstIndex(of: UInt8(ascii: "/"))
                let word = Array(entry[entry.startIndex..<(slash ?? entry.endIndex)])
                let flags = slash.map { entry[entry.index(after: $0)...] } ?? entry[entry.endIndex...]
                guard !word.isEmpty else { continue }
                if let c = word.first, Self.isLetter(c), flags.contains(where: compoundRuleFlags.contains) { ok = false; return }
                states.removeAll(keepingCapacity: true)
                states.append(offset)
                for c in word {
                    guard Self.isLetter(c) else { break }
                    states.append((states[states.count - 1] ^ UInt64(c | 0x20)) &* prime)
                }
                let letters = states.count - 1  // the root's leading letters
                if letters == word.count { hashes.append(states[letters]) }
                prefixed.removeAll(keepingCapacity: true)
                for flag in flags {
                    for a in affixes[Int(flag)] where a.prefix && word.starts(with: a.strip) && a.condition?.matches(word, atEnd: false) != false {
                        let w = a.add + word.dropFirst(a.strip.count)
                        if let h = Self.feed(offset, w) { hashes.append(h) }
                        prefixed.append(w)
                    }
                }
                for flag in flags {
                    for a in affixes[Int(flag)] where !a.prefix && word.count >= a.strip.count && word.suffix(a.strip.count).elementsEqual(a.strip) {
                        // With a prefix, the condition is tried on the root and on the prefixed form (either may be
                        // the one hunspell tests), so the forms stay a superset.
                        let rootFits = a.condition?.matches(word, atEnd: true) != false
                        let kept = word.count - a.strip.count
                        if rootFits, kept <= letters, let h = Self.feed(states[kept], a.add) { hashes.append(h) }
                        for p in prefixed where p.count >= a.strip.count && p.suffix(a.strip.count).elementsEqual(a.strip)
                            && (rootFits || a.condition?.matches(p, atEnd: true) != false) {
                            if let stem = Self.feed(offset, p.prefix(p.count - a.strip.count)), let h = Self.feed(stem, a.add) { hashes.append(h) }
                        }
                    }
                }
            }
        }
        guard ok else { return nil }
        for w in extra { if let h = Self.hash(w.utf8) { hashes.append(h) } }
        self.hashes = HashTable(unsorted: hashes)
    }

    @inline(__always) static func isLetter(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) }

    /// FNV-1a's offset basis and prime.
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325, prime: UInt64 = 0x100_0000_01b3

    /// FNV-1a of the lower-cased bytes; nil when the word is not all ASCII letters.
    @inline(__always) static func hash<C: Collection>(_ w: C) -> UInt64? where C.Element == UInt8 { feed(offset, w) }

    /// The hash of a form whose hash so far is `h`, followed by `bytes`; nil once a byte is not a letter.
    @inline(__always) static func feed<C: Collection>(_ h: UInt64, _ bytes: C) -> UInt64? where C.Element == UInt8 {
        var h = h
        for c in bytes {
            guard isLetter(c) else { return nil }
            h = (h ^ UInt64(c | 0x20)) &* prime
        }
        return h
    }

    /// false only when hunspell cannot accept the first `count` bytes of `word`; true for anything that is not
    /// letters-only ASCII.
    func mayContain(_ word: [CChar], count: Int) -> Bool {
        guard let h = Self.hash(word[..<count].lazy.map { UInt8(bitPattern: $0) }) else { return true }
        return hashes.contains(h)
    }

    /// Whether `word` (any case) may be a dictionary form; true for anything that is not letters-only ASCII.
    func mayContain(_ word: String) -> Bool {
        guard let h = Self.hash(word.utf8) else { return true }
        return hashes.contains(h)
    }
}

/// A set of 64-bit hashes as one sorted array, with the start of each run of equal top 16 bits: 8 bytes a hash
/// plus 256 KB (1.3 MB for en_US's 130,000 forms), where a `Set<UInt64>` of them takes 2 to 4 MB (a power of
/// two of buckets, at most three-quarters full). A look-up reads the index and then a run of about three hashes.
struct HashTable: Sendable {
    private let sorted: [UInt64]
    private let starts: [UInt32] // starts[k] = the first index whose top 16 bits are >= k; 65,537 entries

    /// From hashes in any order, repeats allowed.
    init(unsorted hashes: [UInt64]) {
        var unique = hashes
        unique.sort()
        if !unique.isEmpty {
            var kept = 1
            for k in 1..<unique.count where unique[k] != unique[kept - 1] {
                unique[kept] = unique[k]
                kept += 1
            }
            unique.removeLast(unique.count - kept)
        }
        var starts = [UInt32](repeating: UInt32(unique.count), count: 65_537)
        var k = unique.count
        while k > 0 {
            k -= 1
            starts[Int(unique[k] >> 48)] = UInt32(k)
        }
        // Buckets no hash falls in start where the next one does.
        for top in stride(from: 65_535, through: 0, by: -1) where starts[top] > starts[top + 1] { starts[top] = starts[top + 1] }
        self.sorted = unique
        self.starts = starts
    }

    var count: Int { sorted.count }

    /// An order-independent digest of the hashes held, for checking two ways of building a table agree.
    var digest: UInt64 { sorted.reduce(0) { ($0 &+ $1) ^ ($1 >> 7) &* 0x9E37_79B9_7F4A_7C15 } }

    func contains(_ h: UInt64) -> Bool {
        let top = Int(h >> 48)
        var i = Int(starts[top])
        let end = Int(starts[top + 1])
        while i < end {
            if sorted[i] == h { return true }
            if sorted[i] > h { return false }
            i += 1
        }
        return false
    }
}

/// An affix rule's condition (`[^aeiou]y`, `e`, `[^ey]`): one element per letter, each a letter, `.` or a
/// (negated) class, matched at the end of the root for a suffix and at its start for a prefix. nil (no
/// filtering) for `.` alone or anything not ASCII or not understood.
struct AffixCondition: Sendable {
    private var parts: [(negated: Bool, set: [UInt8])?] = []

    init?(_ text: Substring) {
        let b = Array(text.utf8)
        guard !b.isEmpty, b != [UInt8(ascii: ".")], b.allSatisfy({ $0 < 128 }) else { return nil }
        var i = 0
        while i < b.count {
            switch b[i] {
            case UInt8(ascii: "."):
                parts.append(nil)
                i += 1
            case UInt8(ascii: "["):
                var j = i + 1
                let negated = j < b.count && b[j] == UInt8(ascii: "^")
                if negated { j += 1 }
                var set: [UInt8] = []
                while j < b.count, b[j] != UInt8(ascii: "]") { set.append(b[j]); j += 1 }
                guard j < b.count, !set.isEmpty else { return nil }
                parts.append((negated, set))
                i = j + 1
            case UInt8(ascii: "]"), UInt8(ascii: "^"):
                return nil
            default:
                parts.append((false, [b[i]]))
                i += 1
            }
        }
    }

    /// Whether `word` fits; true when the word is shorter than the condition (left to hunspell).
    func matches(_ word: [UInt8], atEnd: Bool) -> Bool {
        let k = parts.count
        guard word.count >= k else { return true }
        let base = atEnd ? word.count - k : 0
        for (m, part) in parts.enumerated() {
            guard let part else { continue }
            if part.set.contains(word[base + m]) == part.negated { return false }
        }
        return true
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
    lifecycle lifecycles don'ts queueing
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

/// The speller's answers by word: open addressing probed by `fnv1a`, since nearly every word of a text is looked
/// up (a `Dictionary<String, Bool>` hashes each with SipHash first, several times the cost).
struct SpellCache: ~Copyable {
    /// Per slot 0 when empty, else the word's key (`fnv1a(word)` with bit 0 set and bit 1 clear) with the answer in
    /// bit 1: a probe reads one array to find the slot and the answer (the word is compared only on a key match).
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var words = [String](repeating: "", count: 1024)
    private(set) var count = 0

    @inline(__always) private static func key(_ hash: UInt64) -> UInt64 { (hash | 1) & ~2 }

    subscript(word: String, hash: UInt64) -> Bool? {
        get {
            let h = Self.key(hash)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: WordMap<Bool>.mix(h)) & mask
            while slots[i] != 0 {
                if slots[i] & ~2 == h && words[i] == word { return slots[i] & 2 != 0 }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { return }
            if (count + 1) * 2 > slots.count { grow() }
            let h = Self.key(hash)
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: WordMap<Bool>.mix(h)) & mask
            while slots[i] != 0 {
                if slots[i] & ~2 == h && words[i] == word { slots[i] = h | (newValue ? 2 : 0); return }
                i = (i + 1) & mask
            }
            slots[i] = h | (newValue ? 2 : 0)
            words[i] = word
            count += 1
        }
    }

    mutating func removeAll() {
        for i in slots.indices { slots[i] = 0; words[i] = "" }
        count = 0
    }

    private mutating func grow() {
        let oldSlots = slots, oldWords = words
        let capacity = slots.count * 2
        slots = [UInt64](repeating: 0, count: capacity)
        words = [String](repeating: "", count: capacity)
        let mask = capacity - 1
        for k in oldSlots.indices where oldSlots[k] != 0 {
            var i = Int(truncatingIfNeeded: WordMap<Bool>.mix(oldSlots[k] & ~2)) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = oldSlots[k]
            words[i] = oldWords[k]
        }
    }
}
