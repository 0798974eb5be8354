/// Hugo's paired code-example shortcodes (`{{< highlight go >}} … {{< /highlight >}}`,
/// `{{< clients-example set="x" >}} … {{< /clients-example >}}`): their bodies are code that the site renders as
/// code, not Markdown prose, so a `#` comment in them is no heading and command output is no sentence.
enum CodeShortcodes {
    /// A shortcode name that says its body is code: `highlight`, or a name with "example", "code" or "snippet" in it.
    static func namesCode(_ name: String) -> Bool {
        name == "highlight" || name.contains("example") || name.contains("code") || name.contains("snippet")
    }

    /// `input` with every line from an opening code shortcode to its closing tag, both included, turned into
    /// spaces (line endings kept), so line numbers and columns stay those of the source. An opening tag without
    /// its closing tag is left alone.
    static func blanked(_ input: [UInt8]) -> [UInt8] {
        var lines: [Range<Int>] = []
        var start = 0
        for (k, byte) in input.enumerated() where byte == 0x0A {
            lines.append(start..<k)
            start = k + 1
        }
        if start < input.count { lines.append(start..<input.count) }
        var out = input
        var l = 0
        while l < lines.count {
            guard let name = tagName(input[lines[l]], closing: false), namesCode(name),
                  let close = (l + 1..<lines.count).first(where: { tagName(input[lines[$0]], closing: true) == name })
            else { l += 1; continue }
            for line in lines[l...close] {
                for k in line where out[k] != 0x0D { out[k] = 0x20 }
            }
            l = close + 1
        }
        return out
    }

    /// The name of a shortcode tag that is a whole line (`{{< name … >}}`, `{{% /name %}}`), opening or closing.
    static func tagName(_ line: ArraySlice<UInt8>, closing: Bool) -> String? {
        var bytes = Array(line)
        while let last = bytes.last, last == 0x20 || last == 0x09 || last == 0x0D { bytes.removeLast() }
        let body = bytes.drop(while: { $0 == 0x20 || $0 == 0x09 })
        let text = String(decoding: body, as: UTF8.self)
        guard text.hasPrefix("{{<") && text.hasSuffix(">}}") || text.hasPrefix("{{%") && text.hasSuffix("%}}"), text.count >= 6
        else { return nil }
        var inner = text.dropFirst(3).dropLast(3).drop(while: { $0 == " " })
        if closing {
            guard inner.first == "/" else { return nil }
            inner = inner.dropFirst().drop(while: { $0 == " " })
        } else if inner.first == "/" {
            return nil
        }
        let name = inner.prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        return name.isEmpty ? nil : String(name)
    }
}
