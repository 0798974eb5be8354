import Foundation

/// The exit statuses of `mesh-producer` and `mesh review`, as a lint tool's: CI can tell a failed review from a failed run.
public enum ExitStatus: Int32, Sendable {
    case clean = 0
    /// A finding at `--fail-on` or above.
    case findings = 1
    /// A report says some chunk was not reviewed.
    case incomplete = 2
    /// Bad input: unreadable, a folder, not UTF-8, too large, a malformed `.mesh.yaml`.
    case input = 3
    /// Redis could not be reached, or refused a command.
    case redis = 4
    /// No report came before `--timeout`.
    case timeout = 5
}

/// A run that cannot go on, with what to tell the user and the exit status.
public struct Failure: Error {
    public var status: ExitStatus
    public var message: String

    public init(_ status: ExitStatus, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// Reads one input, refusing a folder or anything larger than `limit` bytes before it is all in memory.
public enum InputFile {
    public static func read(_ path: String, limit: Int) throws -> [UInt8] {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                throw Failure(.input, "\(path) is a folder: give the files in it (e.g. \(path)/*.md); nothing was sent")
            }
            // FileHandle, not FileManager.contents: it also reads pipes and process substitutions.
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw Failure(.input, "cannot read \(path): no such file or not readable; nothing was sent")
            }
            handle = opened
        }
        var bytes: [UInt8] = []
        while true {
            let piece: Data?
            do {
                piece = try handle.read(upToCount: 1 << 20)
            } catch {
                throw Failure(.input, "cannot read \(path): \(error.localizedDescription); nothing was sent")
            }
            guard let piece, !piece.isEmpty else { break }
            bytes.append(contentsOf: piece)
            if bytes.count > limit {
                throw Failure(.input, "\(path) is larger than \(limit) bytes (--max-document-bytes, MAX_DOCUMENT_BYTES); nothing was sent")
            }
        }
        return bytes
    }
}

/// One line of progress on standard error, rewritten in place on a terminal.
public final class ProgressLine {
    private let terminal = isatty(STDERR_FILENO) == 1
    private var last = ""
    private var lastPrinted = ContinuousClock.now

    public init() {}

    public func show(_ text: String) {
        guard text != last else { return }
        if !terminal && ContinuousClock.now - lastPrinted < .seconds(5) && !last.isEmpty { return }
        last = text
        lastPrinted = .now
        let line = terminal ? "\r\u{1B}[K" + text : text + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    public func finish() {
        if terminal && !last.isEmpty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
