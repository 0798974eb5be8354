import CCmark

/// What a document shows of its vocabulary outside its prose chunks: the text of its code blocks, and its
/// links (label and destination). Term detection (`DocumentReview.withTerms`) reads it; it never travels on
/// the wire. Plain text documents have none.
public struct DocumentEvidence: Sendable, Hashable {
    /// A link written `[label](destination)` or `[label][ref]` (autolinks, whose text is their URL, are left out:
    /// the URL is already in the prose, as an opaque token).
    public struct Link: Sendable, Hashable {
        public var label: String
        public var destination: String

        public init(label: String, destination: String) {
            self.label = label
            self.destination = destination
        }
    }

    /// The literal text of every fenced or indented code block, in document order.
    public var codeBlocks: [String]
    public var links: [Link]

    public init(codeBlocks: [String] = [], links: [Link] = []) {
        self.codeBlocks = codeBlocks
        self.links = links
    }

    /// At most this many code blocks and links are kept, and each text cut to `maxText` bytes: the evidence is
    /// for finding words, and a huge generated document must not make it unbounded.
    static let maxItems = 10_000
    static let maxText = 64 * 1024

    /// Collects the code blocks and links of a parsed cmark-gfm document.
    static func collect(_ document: OpaquePointer) -> DocumentEvidence {
        var evidence = DocumentEvidence()
        guard let iterator = cmark_iter_new(document) else { return evidence }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_CODE_BLOCK:
                guard evidence.codeBlocks.count < maxItems else { continue }
                evidence.codeBlocks.append(bounded(Cmark.literal(node)))
            case CMARK_NODE_LINK:
                guard evidence.links.count < maxItems, !InlineLocator.isAutolink(node) else { continue }
                evidence.links.append(Link(label: bounded(plainText(node)), destination: bounded(Cmark.string(cmark_node_get_url(node)))))
            default:
                continue
            }
        }
        return evidence
    }

    /// The text of a node's inlines (text and code spans), markup left out.
    private static func plainText(_ node: OpaquePointer) -> String {
        var out = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: out += Cmark.literal(current)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: out += " "
            default: out += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return out
    }

    private static func bounded(_ text: String) -> String {
        text.utf8.count <= maxText ? text : String(decoding: text.utf8.prefix(maxText), as: UTF8.self)
    }
}
