import FuzzSupport
import MeshDocument
import MeshProtocol

/// Arbitrary bytes as a Markdown document and as a plain-text one: the chunker either refuses them with
/// `invalidUTF8` (exactly when they are not UTF-8, at the first bad byte) or returns chunks whose
/// numbering, segments, ignored spans and outline are all in range and agree with the source.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunker(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    let bytes = Array(UnsafeRawBufferPointer(start: data, count: count))
    let valid = String(validating: bytes, as: UTF8.self) != nil
    for format in [DocumentFormat.markdown, .text] {
        do {
            let chunks = try DocumentChunker().chunks(docId: "fuzz", source: "fuzz.md", bytes: bytes, format: format)
            check(valid, "\(format): accepted bytes that are not UTF-8")
            checkChunks(chunks, docId: "fuzz", source: "fuzz.md", bytes: bytes, format: format)
        } catch .invalidUTF8(let offset, let line, let column, let byte) {
            check(!valid, "\(format): refused valid UTF-8 at byte \(offset)")
            check(offset >= 0 && offset < bytes.count && bytes[offset] == byte, "\(format): invalidUTF8 names byte \(offset)")
            check(String(validating: bytes[..<offset], as: UTF8.self) != nil, "\(format): bytes before offset \(offset) are not UTF-8 either")
            let expected = lineAndColumn(bytes, offset: offset)
            check(line == expected.line && column == expected.column,
                  "\(format): invalidUTF8 at \(line):\(column), the offset is \(expected.line):\(expected.column)")
        } catch {
            fail("\(format): \(error)")
        }
    }
    return 0
}
