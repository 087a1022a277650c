import EstateModel
import Foundation
import Manifest
import Planner
import Reconciler
import Resolution
import Simulator

/// `--planner-scale`: the planner's CPU and peak memory per object on a location-heavy and a
/// tree-heavy estate at 2,000, 6,000 and 20,000 objects, to show that planning grows linearly. Each
/// cell runs in a child process of its own (`--planner-cell SHAPE:OBJECTS`), so that its peak
/// memory is its own.
struct PlannerScale {
    /// The estate's bulk: locations in three levels (with a tenth as many users as members and
    /// observers), or KB categories and the options of a tree custom field, half and half, in three levels.
    enum Shape: String, CaseIterable {
        case location
        case tree
    }

    static let sizes = [2_000, 6_000, 20_000]

    /// What one cell measured: planner CPU (resolve + plan + render) of the unchanged estate, of
    /// creating every object and of pruning the leaves (nine objects in ten, each deleted by a step of its
    /// own), and the process's memory before the estate was made and at its peak.
    struct Cell {
        var shape: Shape
        var objects: Int
        var unchangedCPU: Double
        var createCPU: Double
        var createSteps: Int
        var pruneCPU: Double
        var pruneSteps: Int
        var baseline: Double
        var peak: Double

        var line: String { "\(unchangedCPU) \(createCPU) \(createSteps) \(pruneCPU) \(pruneSteps) \(baseline) \(peak)" }

        init(shape: Shape, objects: Int, line: String) throws {
            let fields = line.split(separator: " ").compactMap { Double($0) }
            guard fields.count == 7 else { throw BenchmarkFailure("--planner-cell \(shape):\(objects) printed \"\(line)\"") }
            self.init(
                shape: shape, objects: objects, unchangedCPU: fields[0], createCPU: fields[1], createSteps: Int(fields[2]),
                pruneCPU: fields[3], pruneSteps: Int(fields[4]), baseline: fields[5], peak: fields[6])
        }

        /// Each CPU figure the least of this cell's and `other`'s (the same cell, measured again).
        func least(_ other: Cell) -> Cell {
            Cell(
                shape: shape, objects: objects, unchangedCPU: min(unchangedCPU, other.unchangedCPU),
                createCPU: min(createCPU, other.createCPU),
                createSteps: createSteps, pruneCPU: min(pruneCPU, other.pruneCPU), pruneSteps: pruneSteps, baseline: baseline, peak: peak)
        }

        init(
            shape: Shape, objects: Int, unchangedCPU: Double, createCPU: Double, createSteps: Int, pruneCPU: Double, pruneSteps: Int,
            baseline: Double, peak: Double
        ) {
            (self.shape, self.objects, self.unchangedCPU, self.createCPU) = (shape, objects, unchangedCPU, createCPU)
            (self.createSteps, self.pruneCPU, self.pruneSteps, self.baseline, self.peak) = (
                createSteps, pruneCPU, pruneSteps, baseline, peak
            )
        }
    }

    /// Every cell, each in ``rounds`` child processes, the sizes taking turns: each CPU figure the least
    /// of them, so that a slow moment of this shared machine does not land on one size alone.
    static func run() throws -> [Cell] {
        var cells: [Cell] = []
        for _ in 0..<rounds {
            for shape in Shape.allCases {
                for objects in sizes {
                    let cell = try runCell(shape, objects: objects)
                    if let index = cells.firstIndex(where: { $0.shape == shape && $0.objects == objects }) {
                        cells[index] = cells[index].least(cell)
                    } else {
                        cells.append(cell)
                    }
                }
            }
        }
        return cells
    }

    static let rounds = 3

    /// One cell in a child process of its own.
    static func runCell(_ shape: Shape, objects: Int) throws -> Cell {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["--planner-cell", "\(shape.rawValue):\(objects)"]
        let output = Pipe()
        child.standardOutput = output
        try child.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        child.waitUntilExit()
        guard child.terminationStatus == 0 else {
            throw BenchmarkFailure("--planner-cell \(shape.rawValue):\(objects) exited with \(child.terminationStatus)")
        }
        let line = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        FileHandle.standardError.write(Data("\(shape) \(objects): \(line)\n".utf8))
        return try Cell(shape: shape, objects: objects, line: line)
    }

    /// One cell, in this process.
    static func measure(_ shape: Shape, objects: Int) throws -> Cell {
        let baseline = Measurement.peakRSS()
        let estate = make(shape, objects: objects)
        let manifest = EstateExport(estate).manifest
        var empty = estate
        switch shape {
        case .location:
            empty.locations = [:]
        case .tree:
            empty.kbCategories = [:]
            empty.customFields[2]!.treeOptions = []
        }
        let (unchanged, unchangedCPU) = try plan(manifest, against: estate)
        guard unchanged.isEmpty else { throw BenchmarkFailure("the unchanged \(shape) estate plans \(unchanged.steps.count) steps") }
        let (create, createCPU) = try plan(manifest, against: empty)
        let (prune, pruneCPU) = try plan(pruningLeaves(of: estate, shape), against: estate)
        return Cell(
            shape: shape, objects: objects, unchangedCPU: unchangedCPU, createCPU: createCPU, createSteps: create.steps.count,
            pruneCPU: pruneCPU, pruneSteps: prune.steps.count, baseline: baseline, peak: Measurement.peakRSS())
    }

    /// The manifests of `estate` without the bottom level of its trees (every node whose parent has a
    /// parent), pruning the kinds that hold them: each leaf a deletion of its own.
    static func pruningLeaves(of estate: Estate, _ shape: Shape) -> DeclaredEstate {
        var trimmed = estate
        func isLeaf<Node: TreeNode>(_ node: Node, in tree: Tree<Node>) -> Bool {
            node.parentID.flatMap { tree[$0]?.parentID } != nil
        }
        trimmed.locations = estate.locations.filter { !isLeaf($0.value, in: estate.locations) }
        trimmed.kbCategories = estate.kbCategories.filter { !isLeaf($0.value, in: estate.kbCategories) }
        if shape == .tree {
            let options = estate.customFields[2]!.treeOptions
            let roots = Set(options.filter { $0.parentHash == nil }.map(\.hash))
            trimmed.customFields[2]!.treeOptions = TreeOptions(options.filter { $0.parentHash.map(roots.contains) ?? true })
        }
        var manifest = EstateExport(trimmed).manifest
        manifest.policy.prune = [Located(.locations), Located(.kbCategories)]
        manifest.policy.maxDeletes = Located(estate.locations.count + estate.kbCategories.count + 20_000)
        return manifest
    }

    /// How many times each plan is made: the least CPU of them is the figure, so that a run's noise (a
    /// first run's page faults, another process) does not move a small cell's per-object figure.
    static let repeats = 3

    /// Resolve, plan and render, and the least CPU they took in ``repeats`` runs.
    static func plan(_ manifest: DeclaredEstate, against live: Estate) throws -> (Plan, Double) {
        var best: (plan: Plan, cpu: Double)?
        for _ in 0..<repeats {
            let start = Measurement.threadCPU()
            let (desired, diagnostics, _) = ReferenceResolver.resolve(manifest, against: live)
            guard !diagnostics.containsErrors else { throw BenchmarkFailure("references: \(diagnostics.prefix(3))") }
            let plan = try Planner.plan(desired: desired, live: live, fetched: Set(ObjectKind.allCases))
            _ = plan.text()
            let cpu = Measurement.threadCPU() - start
            if cpu < best?.cpu ?? .infinity { best = (plan, cpu) }
        }
        return best!
    }

    /// `objects` objects of the shape, deterministic, on top of the demo estate's fixed few.
    static func make(_ shape: Shape, objects: Int) -> Estate {
        var estate = Seed.demoEstate
        var random = SeededGenerator(seed: 20_261_205)
        switch shape {
        case .location:
            let userCount = objects / 10
            estate.users = [:]
            for id in 1...userCount { estate.users[id] = User(id: id, username: "user\(id)", email: "user\(id)@bench.example") }
            estate.locations = [:]
            for (id, node) in tree(count: objects - userCount).enumerated() {
                let names = ["Site", "Building", "Floor"]
                estate.locations[id + 1] = Location(
                    id: id + 1, name: "\(names[node.depth]) \(node.ordinal)", parentID: node.parent.map { $0 + 1 },
                    members: [Int.random(in: 1...userCount, using: &random), Int.random(in: 1...userCount, using: &random)],
                    observers: [Int.random(in: 1...userCount, using: &random)])
            }
        case .tree:
            estate.kbCategories = [:]
            let names = ["Topic", "Article set", "Page"]
            for (id, node) in tree(count: objects / 2).enumerated() {
                estate.kbCategories[id + 1] = KBCategory(
                    id: id + 1, name: "\(names[node.depth]) \(node.ordinal)", parentID: node.parent.map { $0 + 1 })
            }
            let nodes = tree(count: objects - objects / 2)
            let hashes = nodes.indices.map { Estate.optionHash(field: 2, serial: 10_001 + $0) }
            let labels = ["Region", "City", "District"]
            estate.customFields[2]!.treeOptions = TreeOptions(
                nodes.enumerated().map { index, node in
                    TreeOption(
                        hash: hashes[index], key: "o\(index)", name: "\(labels[node.depth]) \(node.ordinal)",
                        parentHash: node.parent.map { hashes[$0] })
                })
            estate.sequences.treeOption = 10_000 + nodes.count
        }
        estate.advanceSequences()
        return estate
    }

    /// `count` nodes in three levels, parents before children: roots of 100 nodes each (the root, 9
    /// children, 10 grandchildren under each child), the last root cut short.
    static func tree(count: Int) -> [(depth: Int, ordinal: Int, parent: Int?)] {
        var nodes: [(depth: Int, ordinal: Int, parent: Int?)] = []
        var root = 0
        while nodes.count < count {
            root += 1
            let rootIndex = nodes.count
            nodes.append((0, root, nil))
            for child in 1...9 where nodes.count < count {
                let childIndex = nodes.count
                nodes.append((1, child, rootIndex))
                for grandchild in 1...10 where nodes.count < count { nodes.append((2, grandchild, childIndex)) }
            }
        }
        return nodes
    }

    /// The table for BENCHMARKS.md.
    static func markdown(_ cells: [Cell], command: String) -> String {
        var lines = [
            "Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(Report.memory()) memory; command: `deskform-bench \(command)`. "
                + "Planner CPU is resolve + plan + render on the calling thread, the least of \(repeats) runs in each of \(rounds) processes; memory is the cell's process, its peak less what it held before making the estate.",
            "",
            "| estate | objects | plan unchanged | per object | create all (steps) | per object | prune leaves (steps) | per object | peak memory | per object |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for cell in cells {
            let perObject = { (seconds: Double) in String(format: "%.1f µs", seconds / Double(cell.objects) * 1e6) }
            let memory = cell.peak - cell.baseline
            lines.append(
                "| \(cell.shape.rawValue)-heavy | \(cell.objects) | \(String(format: "%.3f s", cell.unchangedCPU)) | \(perObject(cell.unchangedCPU)) | "
                    + "\(String(format: "%.3f s", cell.createCPU)) (\(cell.createSteps)) | \(perObject(cell.createCPU)) | "
                    + "\(String(format: "%.3f s", cell.pruneCPU)) (\(cell.pruneSteps)) | \(perObject(cell.pruneCPU)) | "
                    + "\(String(format: "%.1f MiB", memory)) | \(String(format: "%.1f KiB", memory * 1024 / Double(cell.objects))) |")
        }
        lines.append("")
        for shape in Shape.allCases {
            let ofShape = cells.filter { $0.shape == shape }
            guard let small = ofShape.first, let large = ofShape.last else { continue }
            func ratio(_ value: (Cell) -> Double) -> Double {
                (value(large) / Double(large.objects)) / (value(small) / Double(small.objects))
            }
            lines.append(
                String(
                    format:
                        "%@-heavy, per object at %d against %d objects: plan unchanged %.2f×, create all %.2f×, prune leaves %.2f×, peak memory %.2f×.",
                    shape.rawValue, large.objects, small.objects, ratio(\.unchangedCPU), ratio(\.createCPU), ratio(\.pruneCPU),
                    ratio { $0.peak - $0.baseline }))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
