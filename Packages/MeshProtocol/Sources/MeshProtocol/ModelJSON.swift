/// A wire type with a hand-written JSON reader and writer. Foundation's `JSONDecoder`/`JSONEncoder` on Linux
/// were most of the mesh's messaging CPU (DESIGN.md in MeshRedis); these read and write the same JSON, byte
/// for byte (`ModelJSONTests` compares them with Foundation on generated values), so the wire format and
/// protocol version do not change. Every type keeps its Codable conformance for everything off the hot path.
///
/// Readers accept what Foundation accepted: keys in any order, unknown keys skipped, an optional as null or
/// absent, a whole number written as `1.0`. Writers give keys sorted and leave nil optionals out.
protocol JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError)
    func writeJSON(to writer: inout JSONWriter)
}

extension JSONCodable {
    static func read(_ reader: inout JSONReader) throws(JSONReadError) -> Self { try Self(json: &reader) }
}

extension JSONReader {
    mutating func readList<T: JSONCodable>(of type: T.Type) throws(JSONReadError) -> [T] {
        try readList { (reader: inout JSONReader) throws(JSONReadError) in try T(json: &reader) }
    }

    mutating func readStrings() throws(JSONReadError) -> [String] {
        try readList { (reader: inout JSONReader) throws(JSONReadError) in try reader.readString() }
    }

    mutating func readEnums<T: RawRepresentable>(_ type: T.Type) throws(JSONReadError) -> [T] where T.RawValue == String {
        try readList { (reader: inout JSONReader) throws(JSONReadError) in try reader.readEnum(T.self) }
    }

    mutating func readEnums<T: WireEnum>(_ type: T.Type) throws(JSONReadError) -> [T] {
        try readEnumsOneByOne(T.self)
    }

    /// Every case in order, the list the coordinator writes on every chunk and the specialists copy into every
    /// review, is taken whole (one comparison, and the one array shared); any other list is read one by one.
    mutating func readEnums<T: WireEnumList>(_ type: T.Type) throws(JSONReadError) -> [T] {
        if take(T.wireAllCases.json) { return T.wireAllCases.values }
        return try readEnumsOneByOne(T.self)
    }

    private mutating func readEnumsOneByOne<T: WireEnum>(_ type: T.Type) throws(JSONReadError) -> [T] {
        var list: [T] = []
        list.reserveCapacity(T.wireCases.count)
        try readArray { (reader: inout JSONReader) throws(JSONReadError) in list.append(try reader.readEnum(T.self)) }
        return list
    }

    /// An object whose values `read` reads, as a dictionary.
    mutating func readDictionary<V>(_ read: (inout JSONReader) throws(JSONReadError) -> V) throws(JSONReadError) -> [String: V] {
        var dictionary: [String: V] = [:]
        try readObject { (reader: inout JSONReader, key) throws(JSONReadError) in dictionary[key.string] = try read(&reader) }
        return dictionary
    }
}

/// An enum of a few cases that `JSONReader.readEnum` reads by matching its raw values' bytes in place, and
/// `JSONWriter.enumValue` writes from them (raw values are plain ASCII words, which need no escaping).
protocol WireEnum: RawRepresentable, CaseIterable, Equatable where RawValue == String {
    /// Each case with its raw value's UTF-8, made once, in `allCases` order.
    static var wireCases: [(utf8: [UInt8], value: Self)] { get }
}

/// A `WireEnum` whose whole list of cases travels often, as `["grammar","clarity","tone","structure"]`.
protocol WireEnumList: WireEnum {
    /// `allCases` and their JSON, made once.
    static var wireAllCases: (json: [UInt8], values: [Self]) { get }
}

extension SpecialistType: WireEnumList {
    static let wireCases = allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
    static let wireAllCases = (json: WireCodec.json(allCases.map(\.rawValue)), values: Array(allCases))
}

extension Severity: WireEnum {
    static let wireCases = allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
}

extension DocumentFormat: WireEnum {
    static let wireCases = allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
}

extension ChunkKind: WireEnum {
    static let wireCases = allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
}

extension OutlineBlock.Kind: WireEnum {
    static let wireCases = allCases.map { (utf8: Array($0.rawValue.utf8), value: $0) }
}

extension JSONWriter {
    mutating func write(_ value: some JSONCodable) { value.writeJSON(to: &self) }

    mutating func list(_ values: [some JSONCodable]) {
        array(values) { writer, value in value.writeJSON(to: &writer) }
    }

    mutating func strings(_ values: [String]) {
        array(values) { writer, value in writer.string(value) }
    }

    mutating func enums<T: WireEnum>(_ values: [T]) {
        array(values) { writer, value in writer.enumValue(value) }
    }

    /// Every case in order (what the coordinator sets on every chunk), from its JSON made once.
    mutating func enums<T: WireEnumList>(_ values: [T]) {
        if values == T.wireAllCases.values, compactValue(T.wireAllCases.json) { return }
        array(values) { writer, value in writer.enumValue(value) }  // as `enums` of any `WireEnum`
    }

    /// `string(value.rawValue)`, from the raw value's bytes made once: the string and its escaping scan cost some
    /// 400 instructions, and every review names its specialist and the four that review the chunk.
    mutating func enumValue<T: WireEnum>(_ value: T) {
        for wire in T.wireCases where wire.value == value {
            plainString(wire.utf8)
            return
        }
        string(value.rawValue)
    }
}

// MARK: Positions and spans

extension SourcePosition: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        // As the writers lay it out, read straight: reports and chunks carry hundreds of thousands of positions.
        // Any other layout goes through the general reader.
        let mark = reader.mark
        if let position = Self.taken(from: &reader) {
            self = position
            return
        }
        reader.rewind(to: mark)
        var offset: Int?, line: Int?, column: Int?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "offset": offset = try reader.readInt()
            case "line": line = try reader.readInt()
            case "column": column = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(offset: try reader.required(offset, "offset"), line: try reader.required(line, "line"), column: try reader.required(column, "column"))
    }

    /// `{"column":C,"line":L,"offset":O}` exactly, with small whole numbers; nil otherwise, the reader then
    /// somewhere inside it (callers rewind).
    @inline(__always)
    static func taken(from reader: inout JSONReader) -> SourcePosition? {
        guard reader.take("{\"column\":"), let column = reader.takeSmallInt(), reader.take(",\"line\":"),
              let line = reader.takeSmallInt(), reader.take(",\"offset\":"), let offset = reader.takeSmallInt(), reader.take("}")
        else { return nil }
        return SourcePosition(offset: offset, line: line, column: column)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("column")
            writer.int(column)
            writer.key("line")
            writer.int(line)
            writer.key("offset")
            writer.int(offset)
        }
    }
}

extension SpanPairs: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        // Most chunks have none; the rest are read pair by pair, each number as written straight.
        if reader.take("[]") {
            self.init([])
            return
        }
        var spans: [TextSpan] = []
        var count = 0
        var start = 0
        try reader.readArray { (reader: inout JSONReader) throws(JSONReadError) in
            let number: Int
            if let small = reader.takeSmallInt() { number = small } else { number = try reader.readInt() }
            if count % 2 == 1 { spans.append(TextSpan(start: start, end: number)) } else { start = number }
            count += 1
        }
        guard count % 2 == 0 else { throw reader.invalid(Self.oddCount(count)) }
        self.init(spans)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.array(spans) { writer, span in
            writer.int(span.start)
            writer.int(span.end)
        }
    }
}

extension TextSpan: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        // As written (`{"end":E,"start":S}`), read straight, as `SourcePosition` is.
        let mark = reader.mark
        if reader.take("{\"end\":"), let end = reader.takeSmallInt(), reader.take(",\"start\":"),
           let start = reader.takeSmallInt(), reader.take("}") {
            self.init(start: start, end: end)
            return
        }
        reader.rewind(to: mark)
        var start: Int?, end: Int?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "start": start = try reader.readInt()
            case "end": end = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(start: try reader.required(start, "start"), end: try reader.required(end, "end"))
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("end")
            writer.int(end)
            writer.key("start")
            writer.int(start)
        }
    }
}

extension TextSegment: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        // As written (`{"position":{…},"textOffset":T}`), read straight, as `SourcePosition` is.
        let mark = reader.mark
        if reader.take("{\"position\":"), let position = SourcePosition.taken(from: &reader), reader.take(",\"textOffset\":"),
           let textOffset = reader.takeSmallInt(), reader.take("}") {
            self.init(textOffset: textOffset, position: position)
            return
        }
        reader.rewind(to: mark)
        var textOffset: Int?, position: SourcePosition?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "textOffset": textOffset = try reader.readInt()
            case "position": position = try SourcePosition(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(textOffset: try reader.required(textOffset, "textOffset"), position: try reader.required(position, "position"))
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("position")
            writer.write(position)
            writer.key("textOffset")
            writer.int(textOffset)
        }
    }
}

extension SourceRange: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var start: SourcePosition?, end: SourcePosition?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "start": start = try SourcePosition(json: &reader)
            case "end": end = try SourcePosition(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(start: try reader.required(start, "start"), end: try reader.required(end, "end"))
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("end")
            writer.write(end)
            writer.key("start")
            writer.write(start)
        }
    }
}

// MARK: Chunks

extension Suppression: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var rule: String?, fromLine: Int?, toLine: Int?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "rule": rule = try reader.readString()
            case "fromLine": fromLine = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            case "toLine": toLine = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            default: try reader.skipValue()
            }
        }
        self.init(rule: try reader.required(rule, "rule"), fromLine: fromLine, toLine: toLine)
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            if let fromLine {
                writer.key("fromLine")
                writer.int(fromLine)
            }
            writer.key("rule")
            writer.string(rule)
            if let toLine {
                writer.key("toLine")
                writer.int(toLine)
            }
        }
    }
}

extension OutlineHeading: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var level: Int?, text: String?, position: SourcePosition?, endPosition: SourcePosition?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "level": level = try reader.readInt()
            case "text": text = try reader.readString()
            case "position": position = try SourcePosition(json: &reader)
            case "endPosition": endPosition = try SourcePosition(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(
            level: try reader.required(level, "level"), text: try reader.required(text, "text"),
            position: try reader.required(position, "position"), endPosition: try reader.required(endPosition, "endPosition")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("endPosition")
            writer.write(endPosition)
            writer.key("level")
            writer.int(level)
            writer.key("position")
            writer.write(position)
            writer.key("text")
            writer.string(text)
        }
    }
}

extension OutlineBlock: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var kind: Kind?, heading: Int?, position: SourcePosition?, lines: Int?, words: Int?, sentences: Int?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "kind": kind = try reader.readEnum(Kind.self)
            case "heading": heading = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            case "position": position = try SourcePosition(json: &reader)
            case "lines": lines = try reader.readInt()
            case "words": words = try reader.readInt()
            case "sentences": sentences = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(
            kind: try reader.required(kind, "kind"), heading: heading, position: try reader.required(position, "position"),
            lines: try reader.required(lines, "lines"), words: try reader.required(words, "words"),
            sentences: try reader.required(sentences, "sentences")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            if let heading {
                writer.key("heading")
                writer.int(heading)
            }
            writer.key("kind")
            writer.enumValue(kind)
            writer.key("lines")
            writer.int(lines)
            writer.key("position")
            writer.write(position)
            writer.key("sentences")
            writer.int(sentences)
            writer.key("words")
            writer.int(words)
        }
    }
}

extension OutlineListItem: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var text: String?, segments: [TextSegment]?, ignored: [TextSpan]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "text": text = try reader.readString()
            case "segments": segments = try reader.readList(of: TextSegment.self)
            case "ignored": ignored = try reader.readList(of: TextSpan.self)
            default: try reader.skipValue()
            }
        }
        self.init(text: try reader.required(text, "text"), segments: try reader.required(segments, "segments"), ignored: try reader.required(ignored, "ignored"))
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("ignored")
            writer.list(ignored)
            writer.key("segments")
            writer.list(segments)
            writer.key("text")
            writer.string(text)
        }
    }
}

extension TermUse: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var term: String?, variant: String?, position: SourcePosition?, endPosition: SourcePosition?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "term": term = try reader.readString()
            case "variant": variant = try reader.readString()
            case "position": position = try SourcePosition(json: &reader)
            case "endPosition": endPosition = try SourcePosition(json: &reader)
            default: try reader.skipValue()
            }
        }
        self.init(
            term: try reader.required(term, "term"), variant: try reader.required(variant, "variant"),
            position: try reader.required(position, "position"), endPosition: try reader.required(endPosition, "endPosition")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("endPosition")
            writer.write(endPosition)
            writer.key("position")
            writer.write(position)
            writer.key("term")
            writer.string(term)
            writer.key("variant")
            writer.string(variant)
        }
    }
}

extension Outline: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var headings: [OutlineHeading]?, blocks: [OutlineBlock]?, terms: [TermUse]?, lists: [[OutlineListItem]]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "headings": headings = try reader.readList(of: OutlineHeading.self)
            case "blocks": blocks = try reader.readList(of: OutlineBlock.self)
            case "terms": terms = try reader.readList(of: TermUse.self)
            case "lists":
                lists = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in
                    try reader.readList { (reader: inout JSONReader) throws(JSONReadError) in try reader.readList(of: OutlineListItem.self) }
                }
            default: try reader.skipValue()
            }
        }
        self.init(
            headings: try reader.required(headings, "headings"), blocks: try reader.required(blocks, "blocks"),
            terms: try reader.required(terms, "terms"), lists: lists
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("blocks")
            writer.list(blocks)
            writer.key("headings")
            writer.list(headings)
            if let lists {
                writer.key("lists")
                writer.array(lists) { writer, items in writer.list(items) }
            }
            writer.key("terms")
            writer.list(terms)
        }
    }
}

extension Chunk: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        self = try Self.read(&reader, inBatch: false).chunk
    }

    /// Reads a chunk. In a batch, the fields a 3.0 batch may hold once for all its chunks can be absent: they
    /// come back in `missing`, with placeholders in the chunk, for the batch to fill in.
    static func read(_ reader: inout JSONReader, inBatch: Bool) throws(JSONReadError) -> (chunk: Chunk, missing: ChunkBatch.Shared) {
        var docId: String?, index: Int?, count: Int?, source: String?, format: DocumentFormat?, kind: ChunkKind?
        var text: String?, segments: [TextSegment]?, ignored: [TextSpan]?, nonProse: SpanPairs?, headingPath: [String]?
        var level: Int?, suppressions: [Suppression]?, config: String?, outline: Outline?, specialists: [SpecialistType]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "docId": docId = try reader.readString()
            case "index": index = try reader.readInt()
            case "count": count = try reader.readInt()
            case "source": source = try reader.readString()
            case "format": format = try reader.readEnum(DocumentFormat.self)
            case "kind": kind = try reader.readEnum(ChunkKind.self)
            case "text": text = try reader.readString()
            case "segments": segments = try reader.readList(of: TextSegment.self)
            case "ignored": ignored = try reader.readList(of: TextSpan.self)
            case "nonProse": nonProse = try reader.readOptional(SpanPairs.read)
            case "headingPath": headingPath = try reader.readStrings()
            case "level": level = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            case "suppressions": suppressions = try reader.readList(of: Suppression.self)
            case "config": config = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readString() }
            case "outline":
                if reader.skipsOutlines { try reader.skipValue() } else { outline = try reader.readOptional(Outline.read) }
            case "specialists": specialists = try reader.readEnums(SpecialistType.self)
            default: try reader.skipValue()
            }
        }
        var missing: ChunkBatch.Shared = []
        func inherited<T>(_ value: T?, _ key: String, _ field: ChunkBatch.Shared, or placeholder: T) throws(JSONReadError) -> T {
            if let value { return value }
            guard inBatch else { throw JSONReadError(problem: .missingKey(key)) }
            missing.insert(field)
            return placeholder
        }
        if inBatch && config == nil { missing.insert(.config) }
        let chunk = Chunk(
            docId: try inherited(docId, "docId", .docId, or: ""), index: try reader.required(index, "index"),
            count: try inherited(count, "count", .count, or: 0), source: try inherited(source, "source", .source, or: ""),
            format: try inherited(format, "format", .format, or: .text), kind: try reader.required(kind, "kind"),
            text: try reader.required(text, "text"), segments: try reader.required(segments, "segments"),
            ignored: try reader.required(ignored, "ignored"), nonProse: nonProse,
            headingPath: try reader.required(headingPath, "headingPath"), level: level,
            suppressions: try reader.required(suppressions, "suppressions"), config: config, outline: outline,
            specialists: try inherited(specialists, "specialists", .specialists, or: [])
        )
        return (chunk, missing)
    }

    func writeJSON(to writer: inout JSONWriter) { writeJSON(to: &writer, omitting: []) }

    /// The chunk's object, without the fields its batch holds (`omitting`).
    func writeJSON(to writer: inout JSONWriter, omitting shared: ChunkBatch.Shared) {
        writer.object { writer in
            if let config, !shared.contains(.config) {
                writer.key("config")
                writer.string(config)
            }
            if !shared.contains(.count) {
                writer.key("count")
                writer.int(count)
            }
            if !shared.contains(.docId) {
                writer.key("docId")
                writer.string(docId)
            }
            if !shared.contains(.format) {
                writer.key("format")
                writer.enumValue(format)
            }
            writer.key("headingPath")
            writer.strings(headingPath)
            writer.key("ignored")
            writer.list(ignored)
            writer.key("index")
            writer.int(index)
            writer.key("kind")
            writer.enumValue(kind)
            if let level {
                writer.key("level")
                writer.int(level)
            }
            if let nonProse {
                writer.key("nonProse")
                writer.write(nonProse)
            }
            if let outline {
                writer.key("outline")
                writer.write(outline)
            }
            writer.key("segments")
            writer.list(segments)
            if !shared.contains(.source) {
                writer.key("source")
                writer.string(source)
            }
            if !shared.contains(.specialists) {
                writer.key("specialists")
                writer.enums(specialists)
            }
            writer.key("suppressions")
            writer.list(suppressions)
            writer.key("text")
            writer.string(text)
        }
    }
}

extension ChunkBatch: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var docId: String?, chunks: [Chunk]?, missing: [Shared] = [], count: Int?, source: String?, format: DocumentFormat?
        var config: String?, specialists: [SpecialistType]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "docId": docId = try reader.readString()
            case "chunks":
                var list: [Chunk] = []
                missing = []
                try reader.readArray { (reader: inout JSONReader) throws(JSONReadError) in
                    let (chunk, absent) = try Chunk.read(&reader, inBatch: true)
                    list.append(chunk)
                    missing.append(absent)
                }
                chunks = list
            case "count": count = try reader.readInt()
            case "source": source = try reader.readString()
            case "format": format = try reader.readEnum(DocumentFormat.self)
            case "config": config = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readString() }
            case "specialists": specialists = try reader.readEnums(SpecialistType.self)
            default: try reader.skipValue()
            }
        }
        let batchId = try reader.required(docId, "docId")
        var list = try reader.required(chunks, "chunks")
        for i in list.indices where !missing[i].isEmpty {
            func take<T>(_ value: T?, _ key: String) throws(JSONReadError) -> T {
                guard let value else { throw JSONReadError(problem: .missingKey(key), path: ["chunks", "[\(i)]"]) }
                return value
            }
            if missing[i].contains(.docId) { list[i].docId = batchId }
            if missing[i].contains(.count) { list[i].count = try take(count, "count") }
            if missing[i].contains(.source) { list[i].source = try take(source, "source") }
            if missing[i].contains(.format) { list[i].format = try take(format, "format") }
            if missing[i].contains(.config) { list[i].config = config }
            if missing[i].contains(.specialists) { list[i].specialists = try take(specialists, "specialists") }
        }
        self.init(docId: batchId, chunks: list)
    }

    func writeJSON(to writer: inout JSONWriter) {
        let shared = self.shared
        writer.object { writer in
            writer.key("chunks")
            writer.array(chunks) { writer, chunk in chunk.writeJSON(to: &writer, omitting: shared) }
            if let first = chunks.first {
                if shared.contains(.config), let config = first.config {
                    writer.key("config")
                    writer.string(config)
                }
                if shared.contains(.count) {
                    writer.key("count")
                    writer.int(first.count)
                }
            }
            writer.key("docId")
            writer.string(docId)
            if let first = chunks.first {
                if shared.contains(.format) {
                    writer.key("format")
                    writer.enumValue(first.format)
                }
                if shared.contains(.source) {
                    writer.key("source")
                    writer.string(first.source)
                }
                if shared.contains(.specialists) {
                    writer.key("specialists")
                    writer.enums(first.specialists)
                }
            }
        }
    }
}

// MARK: Reviews

extension Suggestion: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var specialist: SpecialistType?, rule: String?, severity: Severity?, message: String?, range: SourceRange?
        var text: String?, replacements: [String]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "specialist": specialist = try reader.readEnum(SpecialistType.self)
            case "rule": rule = try reader.readString()
            case "severity": severity = try reader.readEnum(Severity.self)
            case "message": message = try reader.readString()
            case "range": range = try SourceRange(json: &reader)
            case "text": text = try reader.readString()
            case "replacements": replacements = try reader.readStrings()
            default: try reader.skipValue()
            }
        }
        self.init(
            specialist: try reader.required(specialist, "specialist"), rule: try reader.required(rule, "rule"),
            severity: try reader.required(severity, "severity"), message: try reader.required(message, "message"),
            range: try reader.required(range, "range"), text: try reader.required(text, "text"),
            replacements: try reader.required(replacements, "replacements")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("message")
            writer.string(message)
            writer.key("range")
            writer.write(range)
            writer.key("replacements")
            writer.strings(replacements)
            writer.key("rule")
            writer.string(rule)
            writer.key("severity")
            writer.enumValue(severity)
            writer.key("specialist")
            writer.enumValue(specialist)
            writer.key("text")
            writer.string(text)
        }
    }
}

extension TextCounts: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var words: Int?, sentences: Int?, syllables: Int?, letters: Int?, complexWords: Int?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "words": words = try reader.readInt()
            case "sentences": sentences = try reader.readInt()
            case "syllables": syllables = try reader.readInt()
            case "letters": letters = try reader.readInt()
            case "complexWords": complexWords = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(
            words: try reader.required(words, "words"), sentences: try reader.required(sentences, "sentences"),
            syllables: try reader.required(syllables, "syllables"), letters: try reader.required(letters, "letters"),
            complexWords: try reader.required(complexWords, "complexWords")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("complexWords")
            writer.int(complexWords)
            writer.key("letters")
            writer.int(letters)
            writer.key("sentences")
            writer.int(sentences)
            writer.key("syllables")
            writer.int(syllables)
            writer.key("words")
            writer.int(words)
        }
    }
}

extension ChunkReview: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        self = try Self.read(&reader, inBatch: false).review
    }

    /// Reads a review; in a batch, as `Chunk.read(_:inBatch:)` does, the fields a 3.0 batch may hold once can be
    /// absent, and come back in `missing`.
    static func read(_ reader: inout JSONReader, inBatch: Bool) throws(JSONReadError) -> (review: ChunkReview, missing: ReviewBatch.Shared) {
        var docId: String?, chunkIndex: Int?, chunkCount: Int?, specialist: SpecialistType?, specialists: [SpecialistType]?
        var source: String?, suggestions: [Suggestion]?, counts: TextCounts?, tone: Double?, unreviewed: String?
        var range: SourceRange?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "docId": docId = try reader.readString()
            case "chunkIndex": chunkIndex = try reader.readInt()
            case "chunkCount": chunkCount = try reader.readInt()
            case "specialist": specialist = try reader.readEnum(SpecialistType.self)
            case "specialists": specialists = try reader.readEnums(SpecialistType.self)
            case "source": source = try reader.readString()
            case "suggestions": suggestions = try reader.readList(of: Suggestion.self)
            case "counts": counts = try reader.readOptional(TextCounts.read)
            case "tone": tone = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readDouble() }
            case "unreviewed": unreviewed = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readString() }
            case "range": range = try reader.readOptional(SourceRange.read)
            default: try reader.skipValue()
            }
        }
        var missing: ReviewBatch.Shared = []
        func inherited<T>(_ value: T?, _ key: String, _ field: ReviewBatch.Shared, or placeholder: T) throws(JSONReadError) -> T {
            if let value { return value }
            guard inBatch else { throw JSONReadError(problem: .missingKey(key)) }
            missing.insert(field)
            return placeholder
        }
        let review = ChunkReview(
            docId: try inherited(docId, "docId", .docId, or: ""), chunkIndex: try reader.required(chunkIndex, "chunkIndex"),
            chunkCount: try inherited(chunkCount, "chunkCount", .chunkCount, or: 0),
            specialist: try inherited(specialist, "specialist", .specialist, or: .grammar),
            specialists: try inherited(specialists, "specialists", .specialists, or: []),
            source: try inherited(source, "source", .source, or: ""),
            suggestions: try reader.required(suggestions, "suggestions"), counts: counts, tone: tone, unreviewed: unreviewed,
            range: range
        )
        return (review, missing)
    }

    func writeJSON(to writer: inout JSONWriter) { writeJSON(to: &writer, omitting: []) }

    /// The review's object, without the fields its batch holds (`omitting`).
    func writeJSON(to writer: inout JSONWriter, omitting shared: ReviewBatch.Shared) {
        writer.object { writer in
            if !shared.contains(.chunkCount) {
                writer.key("chunkCount")
                writer.int(chunkCount)
            }
            writer.key("chunkIndex")
            writer.int(chunkIndex)
            if let counts {
                writer.key("counts")
                writer.write(counts)
            }
            if !shared.contains(.docId) {
                writer.key("docId")
                writer.string(docId)
            }
            if let range {
                writer.key("range")
                writer.write(range)
            }
            if !shared.contains(.source) {
                writer.key("source")
                writer.string(source)
            }
            if !shared.contains(.specialist) {
                writer.key("specialist")
                writer.enumValue(specialist)
            }
            if !shared.contains(.specialists) {
                writer.key("specialists")
                writer.enums(specialists)
            }
            writer.key("suggestions")
            writer.list(suggestions)
            if let tone {
                writer.key("tone")
                writer.double(tone)
            }
            if let unreviewed {
                writer.key("unreviewed")
                writer.string(unreviewed)
            }
        }
    }
}

extension ReviewBatch: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var docId: String?, reviews: [ChunkReview]?, missing: [Shared] = [], chunkCount: Int?, source: String?
        var specialist: SpecialistType?, specialists: [SpecialistType]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "docId": docId = try reader.readString()
            case "reviews":
                var list: [ChunkReview] = []
                missing = []
                try reader.readArray { (reader: inout JSONReader) throws(JSONReadError) in
                    let (review, absent) = try ChunkReview.read(&reader, inBatch: true)
                    list.append(review)
                    missing.append(absent)
                }
                reviews = list
            case "chunkCount": chunkCount = try reader.readInt()
            case "source": source = try reader.readString()
            case "specialist": specialist = try reader.readEnum(SpecialistType.self)
            case "specialists": specialists = try reader.readEnums(SpecialistType.self)
            default: try reader.skipValue()
            }
        }
        let batchId = try reader.required(docId, "docId")
        var list = try reader.required(reviews, "reviews")
        for i in list.indices where !missing[i].isEmpty {
            func take<T>(_ value: T?, _ key: String) throws(JSONReadError) -> T {
                guard let value else { throw JSONReadError(problem: .missingKey(key), path: ["reviews", "[\(i)]"]) }
                return value
            }
            if missing[i].contains(.docId) { list[i].docId = batchId }
            if missing[i].contains(.chunkCount) { list[i].chunkCount = try take(chunkCount, "chunkCount") }
            if missing[i].contains(.source) { list[i].source = try take(source, "source") }
            if missing[i].contains(.specialist) { list[i].specialist = try take(specialist, "specialist") }
            if missing[i].contains(.specialists) { list[i].specialists = try take(specialists, "specialists") }
        }
        self.init(docId: batchId, reviews: list)
    }

    func writeJSON(to writer: inout JSONWriter) {
        let shared = self.shared
        let first = reviews.first
        writer.object { writer in
            if let first, shared.contains(.chunkCount) {
                writer.key("chunkCount")
                writer.int(first.chunkCount)
            }
            writer.key("docId")
            writer.string(docId)
            writer.key("reviews")
            writer.array(reviews) { writer, review in review.writeJSON(to: &writer, omitting: shared) }
            if let first {
                if shared.contains(.source) {
                    writer.key("source")
                    writer.string(first.source)
                }
                if shared.contains(.specialist) {
                    writer.key("specialist")
                    writer.enumValue(first.specialist)
                }
                if shared.contains(.specialists) {
                    writer.key("specialists")
                    writer.enums(first.specialists)
                }
            }
        }
    }
}

// MARK: Reports

extension Report.Gap: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var specialist: SpecialistType?, chunk: Int?, range: SourceRange?, reason: String?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "specialist": specialist = try reader.readEnum(SpecialistType.self)
            case "chunk": chunk = try reader.readInt()
            case "range": range = try reader.readOptional(SourceRange.read)
            case "reason": reason = try reader.readString()
            default: try reader.skipValue()
            }
        }
        self.init(
            specialist: try reader.required(specialist, "specialist"), chunk: try reader.required(chunk, "chunk"), range: range,
            reason: try reader.required(reason, "reason")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("chunk")
            writer.int(chunk)
            if let range {
                writer.key("range")
                writer.write(range)
            }
            writer.key("reason")
            writer.string(reason)
            writer.key("specialist")
            writer.enumValue(specialist)
        }
    }
}

extension Report.Summary: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var total: Int?, bySpecialist: [String: Int]?, bySeverity: [String: Int]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "total": total = try reader.readInt()
            case "bySpecialist": bySpecialist = try reader.readDictionary { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            case "bySeverity": bySeverity = try reader.readDictionary { (reader: inout JSONReader) throws(JSONReadError) in try reader.readInt() }
            default: try reader.skipValue()
            }
        }
        self.init(
            total: try reader.required(total, "total"), bySpecialist: try reader.required(bySpecialist, "bySpecialist"),
            bySeverity: try reader.required(bySeverity, "bySeverity")
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("bySeverity")
            writer.dictionary(bySeverity) { writer, count in writer.int(count) }
            writer.key("bySpecialist")
            writer.dictionary(bySpecialist) { writer, count in writer.int(count) }
            writer.key("total")
            writer.int(total)
        }
    }
}

extension Report.Figures: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var chunks: Int?, words: Int?, sentences: Int?, readability: [String: Double]?, tone: Double?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "chunks": chunks = try reader.readInt()
            case "words": words = try reader.readInt()
            case "sentences": sentences = try reader.readInt()
            case "readability": readability = try reader.readDictionary { (reader: inout JSONReader) throws(JSONReadError) in try reader.readDouble() }
            case "tone": tone = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readDouble() }
            default: try reader.skipValue()
            }
        }
        self.init(
            chunks: try reader.required(chunks, "chunks"), words: try reader.required(words, "words"),
            sentences: try reader.required(sentences, "sentences"), readability: try reader.required(readability, "readability"),
            tone: tone
        )
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("chunks")
            writer.int(chunks)
            writer.key("readability")
            writer.dictionary(readability) { writer, score in writer.double(score) }
            writer.key("sentences")
            writer.int(sentences)
            if let tone {
                writer.key("tone")
                writer.double(tone)
            }
            writer.key("words")
            writer.int(words)
        }
    }
}

extension Report: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var docId: String?, source: String?, suggestions: [Suggestion]?, summary: Summary?, figures: Figures?
        var incomplete: [Gap]?
        try reader.readObject { (reader: inout JSONReader, key) throws(JSONReadError) in
            switch key {
            case "docId": docId = try reader.readString()
            case "source": source = try reader.readString()
            case "suggestions": suggestions = try reader.readList(of: Suggestion.self)
            case "summary": summary = try Summary(json: &reader)
            case "figures": figures = try Figures(json: &reader)
            case "incomplete":
                incomplete = try reader.readOptional { (reader: inout JSONReader) throws(JSONReadError) in try reader.readList(of: Gap.self) }
            default: try reader.skipValue()
            }
        }
        self.init(
            docId: try reader.required(docId, "docId"), source: try reader.required(source, "source"),
            suggestions: try reader.required(suggestions, "suggestions"), summary: try reader.required(summary, "summary"),
            figures: try reader.required(figures, "figures"), incomplete: incomplete
        )
    }

    func writeJSON(to writer: inout JSONWriter) { writeJSON(to: &writer, schemaVersion: nil) }

    /// The report, with the `schemaVersion` key the `json` report format adds among its own keys when given.
    package func writeJSON(to writer: inout JSONWriter, schemaVersion: String?) {
        writer.object { writer in
            writer.key("docId")
            writer.string(docId)
            writer.key("figures")
            writer.write(figures)
            if let incomplete {
                writer.key("incomplete")
                writer.list(incomplete)
            }
            if let schemaVersion {
                writer.key("schemaVersion")
                writer.string(schemaVersion)
            }
            writer.key("source")
            writer.string(source)
            writer.key("suggestions")
            writer.list(suggestions)
            writer.key("summary")
            writer.write(summary)
        }
    }
}

extension ReportReady: JSONCodable {
    init(json reader: inout JSONReader) throws(JSONReadError) {
        var docId: String?, key: String?, total: Int?
        try reader.readObject { (reader: inout JSONReader, name) throws(JSONReadError) in
            switch name {
            case "docId": docId = try reader.readString()
            case "key": key = try reader.readString()
            case "total": total = try reader.readInt()
            default: try reader.skipValue()
            }
        }
        self.init(docId: try reader.required(docId, "docId"), key: try reader.required(key, "key"), total: try reader.required(total, "total"))
    }

    func writeJSON(to writer: inout JSONWriter) {
        writer.object { writer in
            writer.key("docId")
            writer.string(docId)
            writer.key("key")
            writer.string(key)
            writer.key("total")
            writer.int(total)
        }
    }
}
