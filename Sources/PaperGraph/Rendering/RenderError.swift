import Foundation

/// Failures drawing a map, each saying what to do.
public enum RenderError: LocalizedError, Equatable {
    case unknownFormat(String)
    case layoutFailed(String)
    case renderFailed(format: String, reason: String)
    case emptyGraph(String)

    public var errorDescription: String? {
        switch self {
        case .unknownFormat(let format):
            return "unknown map format '\(format)'; use svg, png, pdf or dot (by --format or the output file's extension)"
        case .layoutFailed(let reason):
            return
                "Graphviz could not lay out the map: \(reason); if it says the layout 'dot' is not recognized, run `dot -c` as root (package graphviz) to register the plugins"
        case .renderFailed(let format, let reason):
            return "Graphviz could not render \(format): \(reason)"
        case .emptyGraph(let what):
            return "nothing to draw: \(what)"
        }
    }
}
