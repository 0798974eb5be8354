import Foundation
import MeshProtocol
import MeshText

/// `grammar.date` (a weekday that does not match its date, a date that does not exist) and
/// `grammar.date-without-year`.
extension GrammarSpecialist {
    // MARK: Dates

    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
        "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    /// 0 = Sunday.
    /// Month and weekday names, to skip their look-ups for most words.
    static let dateWords: WordFilter = {
        var f = WordFilter()
        for w in months.keys { f.insert(w) }
        for w in weekdays.keys { f.insert(w) }
        return f
    }()

    static let weekdays: [String: Int] = [
        "sunday": 0, "sun": 0, "su": 0, "monday": 1, "mon": 1, "mo": 1, "tuesday": 2, "tue": 2, "tues": 2, "tu": 2,
        "wednesday": 3, "wed": 3, "we": 3, "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "th": 4, "friday": 5, "fri": 5,
        "fr": 5, "saturday": 6, "sat": 6, "sa": 6,
    ]

    static let weekdayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day of the week (0 = Sunday), Gregorian calendar (Sakamoto's method).
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        return (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7
    }

    /// "Monday, 7 October 2014", "Mon, October 7, 2014", "Monday, 2014-10-31", "Monday, 10/31/2014" with the wrong
    /// weekday; "November 31", "Feb 30" that do not exist.
    func dates(_ ctx: inout RuleContext) {
        let tokens = ctx.tokens
        let n = tokens.count
        func num(_ k: Int) -> Int? { k < n && tokens[k].kind == .number ? Int(tokens[k].text) : nil }
        func month(_ k: Int) -> Int? {
            guard k < n, tokens[k].kind == .word, Self.dateWords.mayContain(hash: tokens[k].lowerHash), let m = Self.months[tokens[k].lower] else { return nil }
            if tokens[k].lower == "may" || tokens[k].lower == "mar" || tokens[k].lower == "dec" || tokens[k].lower == "sat" {
                guard CharClass.isUpper(tokens[k].text.unicodeScalars.first!) else { return nil }
            }
            return m
        }
        func skipDot(_ k: Int) -> Int { k < n && tokens[k].text == "." && !tokens[k].spaceBefore ? k + 1 : k }
        /// A date starting at token k: (day, month, year?, last token).
        func date(at k: Int) -> (Int, Int, Int?, Int)? {
            // 7 October 2014
            if let d = num(k), let m = month(k + 1) {
                let e = skipDot(k + 2)
                if let y = num(e), y >= 1000, y < 3000 { return (d, m, y, e) }
                return (d, m, nil, k + 1)
            }
            // October 7, 2014 / October 7
            if let m = month(k) {
                let s = skipDot(k + 1)
                if let d = num(s), d < 100, !(s + 1 < n && tokens[s + 1].text == ":") {
                    if s + 2 < n, tokens[s + 1].text == ",", let y = num(s + 2), y >= 1000, y < 3000 { return (d, m, y, s + 2) }
                    return (d, m, nil, s)
                }
            }
            // 2014-10-31, 31/10/2014, 10/31/2014 (numeric: only when the reading is unambiguous)
            if let a = num(k), k + 4 < n, !tokens[k + 1].spaceBefore, !tokens[k + 2].spaceBefore, !tokens[k + 3].spaceBefore,
               !tokens[k + 4].spaceBefore, let b = num(k + 2), let c = num(k + 4), tokens[k + 1].text == tokens[k + 3].text,
               tokens[k + 1].text == "-" || tokens[k + 1].text == "/" {
                if a >= 1000, (1...12).contains(b) { return (c, b, a, k + 4) }
                if c >= 1000 {
                    if a > 12, (1...12).contains(b) { return (a, b, c, k + 4) }
                    if b > 12, (1...12).contains(a) { return (b, a, c, k + 4) }
                }
            }
            return nil
        }
        for i in 0..<n where tokens[i].kind == .word || tokens[i].kind == .number {
            // Weekday, date.
            if tokens[i].kind == .word, Self.dateWords.mayContain(hash: tokens[i].lowerHash), let wd = Self.weekdays[tokens[i].lower], CharClass.isUpper(tokens[i].text.unicodeScalars.first!) {
                var k = skipDot(i + 1)
                if k < n, tokens[k].text == "," { k += 1 }
                if let (d, m, y, e) = date(at: k), y == nil, d >= 1, d <= Self.daysIn(month: m, year: nil) {
                    ctx.add("grammar.date-without-year", "Add the year: a weekday with a date can be checked only when the year is known.",
                            TextSpan(start: tokens[i].start, end: tokens[e].end))
                } else if let (d, m, y, e) = date(at: k), let y, d >= 1, d <= Self.daysIn(month: m, year: y) {
                    let actual = Self.weekday(year: y, month: m, day: d)
                    if actual != wd {
                        ctx.add("grammar.date", "That date was a \(Self.weekdayNames[actual]), not a \(Self.weekdayNames[wd]).",
                                TextSpan(start: tokens[i].start, end: tokens[e].end), [Self.weekdayNames[actual]])
                    }
                }
                continue
            }
            // Dates that do not exist. A date starts with a number or a month's name: other words skip `date(at:)`.
            if tokens[i].kind == .number || Self.dateWords.mayContain(hash: tokens[i].lowerHash), let (d, m, y, e) = date(at: i), d == 0 || d > Self.daysIn(month: m, year: y), d <= 40,
               !(i > 0 && tokens[i - 1].kind == .number) {
                ctx.add("grammar.date", "This date does not exist.", TextSpan(start: tokens[i].start, end: tokens[e].end))
            }
        }
    }
}
