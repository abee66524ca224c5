import Foundation

/// Where each page of the site lives. Every page but the index sits one folder down, so a
/// link between any two of them is `../FOLDER/FILE` and a map's links work from its page
/// and from its own SVG file alike.
enum SitePath {
    static func paper(_ id: String) -> String { "paper/\(slug(id)).html" }
    static func entity(_ id: String) -> String { "entity/\(slug(id)).html" }
    static func topic(_ name: String) -> String { "topic/\(slug(name)).html" }
    static func digest(_ key: String, _ language: String) -> String { "digest/\(slug((key + "." + language).lowercased())).html" }
    static func map(_ id: String) -> String { "map/\(slug(id)).svg" }
    static let lineage = "lineage/index.html"
    static let lineageMap = "lineage/forest.svg"

    /// A file name for an id: its own characters when they are plain (lowercase letters,
    /// digits, `.`, `_`, `-`), else a readable part and a hash of the whole id, so two ids
    /// never share a file and no name is hostile to a file system or a URL.
    static func slug(_ id: String) -> String {
        var text = Substring(id)
        for prefix in ["entity:", "arxiv:"] where text.hasPrefix(prefix) { text = text.dropFirst(prefix.count) }
        var out = ""
        var plain = !text.isEmpty && !text.hasPrefix(".")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "0"..."9", ".", "_", "-": out.unicodeScalars.append(scalar)
            case "A"..."Z":
                out.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
                plain = false
            default:
                if !out.hasSuffix("-") { out += "-" }
                plain = false
            }
        }
        if plain && out.count <= 80 { return out }
        let readable = out.prefix(40).trimmingCharacters(in: CharacterSet(charactersIn: "-."))
        let hash = String(DigestFiles.fnv1a(Array(id.utf8)).prefix { $0 != "-" })
        return (readable.isEmpty ? "" : readable + "-") + hash
    }

    /// `path` as linked from a page at `from` (both relative to the site's root).
    static func link(_ path: String, from: String) -> String {
        (from.contains("/") ? "../" : "") + path
    }
}

/// Text made safe for HTML: every page builds its markup from these pieces only.
enum HTML {
    static func escape(_ text: String) -> String { XMLText.escape(text) }

    static func link(_ href: String, _ text: String, className: String? = nil) -> String {
        "<a href=\"\(escape(href))\"\(className.map { " class=\"\(escape($0))\"" } ?? "")>\(escape(text))</a>"
    }

    /// A complete page: head, the header with the search box, `body`, and the script.
    static func page(path: String, title: String, body: String) -> String {
        let root = path.contains("/") ? "../" : ""
        return """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title)) · papergraph</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="\(root)assets/site.css">
            </head>
            <body data-root="\(root)">
            <header class="top">
            <a class="brand" href="\(root)index.html">papergraph</a>
            <nav><a href="\(root)index.html#topics">Topics</a> <a href="\(root)index.html#digests">Digests</a> <a href="\(root)\(SitePath.lineage)">Lineage</a></nav>
            <input id="search" type="search" autocomplete="off" placeholder="Search papers, methods, datasets… 搜索" aria-label="Search">
            </header>
            <div id="results" hidden></div>
            <main>
            \(body)
            </main>
            <script src="\(root)assets/site.js"></script>
            </body>
            </html>

            """
    }
}
