import ArgumentParser
import PaperGraph

@main
struct PaperGraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "papergraph",
        abstract: "Turn weekly paper-reading digests into a knowledge graph you can query and draw.",
        version: "0.2.0",
        subcommands: [
            IngestCommand.self, DigestsCommand.self, RemoveCommand.self,
            PapersCommand.self, ShowCommand.self, TopicsCommand.self, SearchCommand.self, StatsCommand.self,
            ExportCommand.self, EvalCommand.self, TrainCommand.self,
            RelatedCommand.self, LineageCommand.self, EntitiesCommand.self, BaselinesCommand.self, TrendsCommand.self, MapCommand.self, SiteCommand.self,
            CurateCommand.self, ReviewCommand.self,
        ])
}
