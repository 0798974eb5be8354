import MeshDocument
import MeshProtocol
import Testing

/// Chunks Markdown (or text) given as a Swift string.
func chunk(_ source: String, format: DocumentFormat = .markdown, name: String = "guide.md") throws -> [Chunk] {
    try DocumentChunker().chunks(docId: "doc-1", source: name, bytes: Array(source.utf8), format: format)
}

/// The prose chunks (everything but the outline).
func prose(_ chunks: [Chunk]) -> [Chunk] { chunks.filter { $0.kind != .outline } }

/// Words of a text: maximal runs of letters and digits, as Unicode-scalar spans.
func words(in text: String) -> [TextSpan] {
    let scalars = Array(text.unicodeScalars)
    var spans: [TextSpan] = []
    var i = 0
    while i < scalars.count {
        guard isWordScalar(scalars[i]) else {
            i += 1
            continue
        }
        let start = i
        while i < scalars.count, isWordScalar(scalars[i]) { i += 1 }
        spans.append(TextSpan(start: start, end: i))
    }
    return spans
}

func isWordScalar(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s.properties.numericType != nil }

/// The substring of a chunk's text at `span`.
func substring(_ text: String, _ span: TextSpan) -> String {
    let scalars = Array(text.unicodeScalars)
    return String(String.UnicodeScalarView(scalars[span.start..<span.end]))
}

/// The source bytes between two positions, as a string.
func sourceText(_ bytes: [UInt8], _ range: SourceRange) -> String {
    String(decoding: bytes[range.start.offset..<range.end.offset], as: UTF8.self)
}

/// Independently computes the line and scalar column of a byte offset, for checking positions.
func lineAndColumn(_ bytes: [UInt8], offset: Int) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var i = lineStart
    while i < offset {
        if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 >= bytes.count || bytes[i + 1] != 0x0A)) {
            line += 1
            lineStart = i + 1
        }
        i += 1
    }
    let column = 1 + bytes[lineStart..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return (line, column)
}

/// Every word of every prose chunk maps to the same characters in the source, and every segment's
/// line and column agree with its byte offset. Returns the number of words checked.
@discardableResult
func expectRoundTrip(_ chunks: [Chunk], bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    var checked = 0
    for chunk in prose(chunks) {
        let map = SourceMap(text: chunk.text, segments: chunk.segments)
        for segment in chunk.segments {
            let (line, column) = lineAndColumn(bytes, offset: segment.position.offset)
            #expect(segment.position.line == line, "chunk \(chunk.index) segment at \(segment.textOffset)", sourceLocation: sourceLocation)
            #expect(segment.position.column == column, "chunk \(chunk.index) segment at \(segment.textOffset)", sourceLocation: sourceLocation)
        }
        for word in words(in: chunk.text) {
            let expected = substring(chunk.text, word)
            let got = sourceText(bytes, map.range(of: word))
            #expect(got == expected, "chunk \(chunk.index) \(chunk.text.debugDescription)", sourceLocation: sourceLocation)
            checked += 1
        }
    }
    return checked
}
