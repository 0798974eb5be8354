import MeshProtocol

/// An inline control comment: `<!-- mesh-disable rule other -->`, `<!-- mesh-enable rule -->`,
/// `<!-- mesh-disable-next-line rule -->`. Ids are separated by spaces or commas; none means every rule (`*`).
struct ControlComment {
    enum Directive: String {
        case disable = "mesh-disable"
        case enable = "mesh-enable"
        case disableNextLine = "mesh-disable-next-line"
    }

    var directive: Directive
    var ids: [String]
    /// Source lines the comment starts and ends on.
    var line: Int
    var endLine: Int

    /// Every control comment in an HTML block's or inline HTML's literal that starts on `firstLine`.
    static func parse(_ literal: String, firstLine: Int) -> [ControlComment] {
        var found: [ControlComment] = []
        var line = firstLine
        var rest = Substring(literal)
        while let open = rest.firstRange(of: "<!--") {
            line += rest[..<open.lowerBound].count(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "-->") else { break }
            let body = afterOpen[..<close.lowerBound]
            let bodyLines = body.count(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            let words = body.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
            if let first = words.first, let directive = Directive(rawValue: first) {
                found.append(ControlComment(directive: directive, ids: Array(words.dropFirst()), line: line, endLine: line + bodyLines))
            }
            line += bodyLines
            rest = afterOpen[close.upperBound...]
        }
        return found
    }

    struct Range: Equatable {
        var rule: String
        var fromLine: Int
        var toLine: Int
    }

    /// Turns the comments, in document order, into line ranges: a `mesh-disable` runs to the matching
    /// `mesh-enable` (an enable with no ids ends them all) or else to the end of the document; a
    /// `mesh-disable-next-line` covers the next non-blank line after the comment.
    static func ranges(_ comments: [ControlComment], source: SourceText) -> [Range] {
        var open: [(rule: String, from: Int)] = []
        var ranges: [Range] = []
        for comment in comments.sorted(by: { $0.line < $1.line }) {
            let ids = comment.ids.isEmpty ? ["*"] : comment.ids
            switch comment.directive {
            case .disable:
                for id in ids where !open.contains(where: { $0.rule == id }) { open.append((id, comment.line)) }
            case .enable:
                let closing = comment.ids.isEmpty ? open.map(\.rule) : comment.ids
                for id in closing {
                    if let index = open.firstIndex(where: { $0.rule == id }) {
                        ranges.append(Range(rule: id, fromLine: open[index].from, toLine: comment.line))
                        open.remove(at: index)
                    }
                }
            case .disableNextLine:
                var line = comment.endLine + 1
                while line <= source.lineCount, source.isBlankLine(line) { line += 1 }
                if line <= source.lineCount {
                    for id in ids { ranges.append(Range(rule: id, fromLine: line, toLine: line)) }
                }
            }
        }
        for item in open { ranges.append(Range(rule: item.rule, fromLine: item.from, toLine: source.lineCount)) }
        return ranges.sorted { ($0.fromLine, $0.toLine, $0.rule) < ($1.fromLine, $1.toLine, $1.rule) }
    }
}
