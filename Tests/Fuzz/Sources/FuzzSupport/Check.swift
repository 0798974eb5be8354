#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A broken invariant: says which on stderr and aborts, so libFuzzer records the input as a crash.
public func fail(_ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) -> Never {
    let text = "FUZZ INVARIANT BROKEN (\(file):\(line)): \(message())\n"
    text.utf8CString.withUnsafeBufferPointer { buffer in
        _ = write(2, buffer.baseAddress, buffer.count - 1)
    }
    abort()
}

/// `fail` unless `condition` holds.
@inline(__always)
public func check(_ condition: Bool, _ message: @autoclosure () -> String, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fail(message(), file: file, line: line) }
}

/// Reads an input a little at a time: the first bytes steer choices (which path, which limit), the rest is data.
public struct FuzzInput {
    public private(set) var bytes: ArraySlice<UInt8>

    public init(_ data: UnsafeRawPointer, _ count: Int) {
        bytes = ArraySlice(UnsafeRawBufferPointer(start: data, count: count))
    }

    public init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    /// One byte (0 once the input is used up).
    public mutating func byte() -> UInt8 {
        guard let first = bytes.first else { return 0 }
        bytes = bytes.dropFirst()
        return first
    }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] {
        defer { bytes = [] }
        return Array(bytes)
    }

    /// Up to the next 0x00 (dropped), or the rest.
    public mutating func field() -> [UInt8] {
        if let zero = bytes.firstIndex(of: 0) {
            defer { bytes = bytes[(zero + 1)...] }
            return Array(bytes[..<zero])
        }
        return rest()
    }
}
