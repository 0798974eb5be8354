import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The reports `mesh-producer` and `mesh review` print.
public enum StandardOutput {
    /// Writes all of `bytes` to standard output. When the reader has gone (`mesh review docs | head`), the process
    /// ends as SIGPIPE would end it, silently: `RedisConnection` ignores that signal, so that a lost connection to
    /// Redis is an error the tool handles, and a closed pipe would otherwise be reported as a failed write.
    public static func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(STDOUT_FILENO, raw.baseAddress! + offset, raw.count - offset)
                if written >= 0 {
                    offset += written
                } else if errno == EPIPE {
                    signal(SIGPIPE, SIG_DFL)
                    raise(SIGPIPE)
                    exit(128 + SIGPIPE)  // were the signal blocked in this thread
                } else if errno != EINTR {
                    throw Failure(.input, "cannot write the report to standard output: \(String(cString: strerror(errno)))")
                }
            }
        }
    }
}
