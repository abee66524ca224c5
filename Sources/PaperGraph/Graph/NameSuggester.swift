/// "Did you mean VGGT?": the stored names nearest to what someone typed.
public enum NameSuggester {
    /// Up to `limit` names within a small edit distance of `text` (case, spaces and dashes
    /// ignored), or that start with it; nearest first, then shortest.
    public static func nearest(_ text: String, among names: [String], limit: Int = 3) -> [String] {
        let key = Array(EntityName.normalise(text))
        guard !key.isEmpty else { return [] }
        let allowed = max(1, key.count / 4)
        var scored: [(Int, String)] = []
        var seen = Set<String>()
        for name in names where seen.insert(name).inserted {
            let other = Array(EntityName.normalise(name))
            guard abs(other.count - key.count) <= allowed || other.starts(with: key) else { continue }
            let d = other.starts(with: key) && other.count > key.count ? 1 : distance(key, other, cap: allowed)
            if d <= allowed { scored.append((d, name)) }
        }
        return scored.sorted { ($0.0, $0.1.count, $0.1) < ($1.0, $1.1.count, $1.1) }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance, giving up past `cap`.
    static func distance(_ a: [Character], _ b: [Character], cap: Int) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                rowMin = min(rowMin, current[j])
            }
            if rowMin > cap { return cap + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
