/// A sentence that supports a fact, with the line it starts on.
struct Evidence: Sendable, Equatable {
    var line: Int
    var sentence: String
}

/// One (paper, entity) pair of an entry: what the relation model decides on.
struct Candidate: Sendable {
    /// One mention of the entity in the entry, with the cues and words around it.
    struct Occurrence: Sendable {
        var evidence: Evidence
        var features: [String]
    }

    var entity: String
    var occurrences: [Occurrence] = []
    /// What the hand-written rules decided, with their evidence: a feature, and the fallback.
    var rule: [Relation: Evidence] = [:]
    /// Pair-level features: rule votes, kind, name shape, name containment, every mention's cues.
    var features: Set<String> = []
    /// The entry defines the name as one of its own parts: only the model may keep it.
    var isInternal = false

    init(entity: String) { self.entity = entity }
}
