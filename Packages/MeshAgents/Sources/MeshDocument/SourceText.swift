import MeshProtocol

/// The document's bytes with a table of line starts, so any byte offset turns into a `SourcePosition` in
/// O(log lines) plus the scalars between the last answered offset and this one.
///
/// Line endings are `\n`, `\r\n` and a lone `\r`, as CommonMark counts them. A UTF-8 byte-order mark is
/// not part of line 1: offsets stay absolute (the first character after a BOM has offset 3) but its
/// column is 1.
final class SourceText {
    let bytes: [UInt8]
    /// Byte offset where the content starts (3 after a BOM, else 0).
    let contentStart: Int
    /// `lineStarts[i]` is the byte offset of line `i + 1`.
    private(set) var lineStarts: [Int] = []

    // Cache of the last answered position, so walking forward on one line is linear overall.
    private var cacheLine = 0
    private var cacheOffset = -1
    private var cacheColumn = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.contentStart = hasBOM ? 3 : 0
        var starts = [contentStart]
        starts.reserveCapacity(bytes.count / 40 + 1)
        var i = contentStart
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte == 0x0A {
                starts.append(i + 1)
            } else if byte == 0x0D {
                if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    var count: Int { bytes.count }
    var lineCount: Int { lineStarts.count }

    /// Byte offset where 1-based `line` starts.
    func lineStart(_ line: Int) -> Int { lineStarts[max(0, min(line - 1, lineStarts.count - 1))] }

    /// Byte offset of the end of 1-based `line`'s content (before its line ending).
    func lineContentEnd(_ line: Int) -> Int {
        let index = max(0, min(line - 1, lineStarts.count - 1))
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] : bytes.count
        if end > lineStarts[index], bytes[end - 1] == 0x0A { end -= 1 }
        if end > lineStarts[index], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// 1-based line of a byte offset (binary search).
    func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The position of a byte offset; `column` counts Unicode scalars from the line start, 1-based.
    func position(_ offset: Int) -> SourcePosition {
        let offset = max(contentStart, min(offset, bytes.count))
        let line: Int
        var column: Int
        var from: Int
        let cacheLineEnd = cacheLine < lineStarts.count ? lineStarts[cacheLine] : Int.max
        if cacheOffset >= 0, offset >= cacheOffset, offset < cacheLineEnd {
            line = cacheLine
            column = cacheColumn
            from = cacheOffset
        } else {
            line = self.line(ofOffset: offset)
            column = 1
            from = lineStarts[line - 1]
        }
        while from < offset {
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
            from += 1
        }
        cacheLine = line
        cacheOffset = offset
        cacheColumn = column
        return SourcePosition(offset: offset, line: line, column: column)
    }

    func isLineEnd(_ offset: Int) -> Bool {
        offset < bytes.count && (bytes[offset] == 0x0A || bytes[offset] == 0x0D)
    }

    /// Length of the line ending at `offset` (2 for `\r\n`), or 0.
    func lineEndLength(_ offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        if bytes[offset] == 0x0A { return 1 }
        if bytes[offset] == 0x0D { return offset + 1 < bytes.count && bytes[offset + 1] == 0x0A ? 2 : 1 }
        return 0
    }

    /// Whether 1-based `line` holds only spaces and tabs.
    func isBlankLine(_ line: Int) -> Bool {
        var i = lineStart(line)
        let end = lineContentEnd(line)
        while i < end {
            if bytes[i] != 0x20 && bytes[i] != 0x09 { return false }
            i += 1
        }
        return true
    }

    /// Decodes the scalar starting at byte `offset` (input is valid UTF-8) and its byte length.
    func scalar(at offset: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(bytes[offset])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        var value: UInt32
        let length: Int
        if b0 >= 0xF0 {
            value = b0 & 0x07
            length = 4
        } else if b0 >= 0xE0 {
            value = b0 & 0x0F
            length = 3
        } else {
            value = b0 & 0x1F
            length = 2
        }
        for k in 1..<length where offset + k < bytes.count {
            value = (value << 6) | (UInt32(bytes[offset + k]) & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// The offset of the first byte that is not valid UTF-8, or nil when all are valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            // The offset reported is the sequence's first byte, as Python and iconv report it.
            guard i + 1 < n, bytes[i + 1] >= low, bytes[i + 1] <= high else { return i }
            for k in 2..<length {
                guard i + k < n, bytes[i + k] & 0xC0 == 0x80 else { return i }
            }
            i += length
        }
        return nil
    }
}
