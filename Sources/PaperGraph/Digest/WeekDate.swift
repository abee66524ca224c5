import Foundation

/// An ISO week key (`2025-W49`) as the date of its Monday (`2025-12-01`): when a digest's
/// week began, for formats that carry time.
enum WeekDate {
    static func monday(of key: String) -> String? {
        guard let m = key.wholeMatch(of: /(\d{4})-W(\d{2})/), let year = Int(m.output.1), let week = Int(m.output.2) else { return nil }
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        var parts = DateComponents()
        parts.yearForWeekOfYear = year
        parts.weekOfYear = week
        parts.weekday = 2
        guard let date = calendar.date(from: parts) else { return nil }
        let day = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", day.year!, day.month!, day.day!)
    }

    /// `2025-12` as `2025-12-01`.
    static func firstDay(ofMonth month: String?) -> String? {
        guard let month, month.wholeMatch(of: /\d{4}-\d{2}/) != nil else { return nil }
        return month + "-01"
    }
}
