import CrimeCore

/// The training loop shared by the forecasters: seeded shuffling into mini-batches, Adam, optional
/// gradient clipping, a learning-rate schedule, early stopping that restores the best weights, a
/// per-epoch callback, progress events (`TrainingOptions.progress`) and cancellation
/// (`TrainingOptions.cancellation`).
struct Trainer {
    /// Computes a batch's loss in the context's mode and, when asked, its gradients.
    typealias Step = (_ batch: [Int], _ context: inout ForwardContext, _ wantGradients: Bool) throws -> (loss: Double, gradients: Gradients?)

    let options: TrainingOptions

    /// Trains `parameters`, which keep their values when training throws (a bad option, a non-finite loss, or
    /// `CancellationError` from `options.cancellation` or the current task, checked before every mini-batch).
    func run(_ parameters: inout ParameterSet, samples: Int, onEpoch: ((EpochReport) -> Void)?, step: Step) throws -> TrainingHistory {
        try options.validate()
        try CancellationToken.check(options.cancellation)
        var trained = parameters
        let history = try train(&trained, samples: samples, onEpoch: onEpoch, step: step)
        parameters = trained
        return history
    }

    private func train(_ parameters: inout ParameterSet, samples: Int, onEpoch: ((EpochReport) -> Void)?, step: Step) throws -> TrainingHistory {
        let held = Int((Double(samples) * options.validationFraction).rounded(.down))
        let trainCount = samples - held
        guard trainCount > 0 else { throw NNError.emptyTrainingSet }
        let validation = Array(trainCount..<samples)
        var optimizer = Adam(learningRate: options.learningRate)
        var scheduler = LearningRateScheduler(options.schedule, initialRate: options.learningRate)
        var shuffler = SeededGenerator(seed: options.seed)
        var history = TrainingHistory()
        var best = (loss: Double.infinity, parameters: parameters, epoch: 0)
        var order = Array(0..<trainCount)
        let counter = ProgressCounter(step: "training", total: options.epochs, unit: .items("epochs"), handler: options.progress)
        for epoch in 1...options.epochs {
            shuffle(&order, &shuffler)
            var total = 0.0
            var batchNumber = 0
            for start in stride(from: 0, to: trainCount, by: options.batchSize) {
                try CancellationToken.check(options.cancellation)
                batchNumber += 1
                let batch = Array(order[start..<min(start + options.batchSize, trainCount)])
                var dropoutStream = shuffler.split(epoch * 1_000_003 + batchNumber)
                var context = ForwardContext(parameters: parameters, training: true, seed: dropoutStream.next())
                let result = try step(batch, &context, true)
                guard result.loss.isFinite, var gradients = result.gradients else {
                    throw NNError.nonFiniteLoss(epoch: epoch, batch: batchNumber)
                }
                parameters = context.parameters
                if let clip = options.clipNorm { gradients.clip(maxNorm: clip) }
                optimizer.learningRate = scheduler.rate
                optimizer.update(&parameters, with: gradients)
                total += result.loss * Double(batch.count)
            }
            var validationLoss: Double?
            if !validation.isEmpty {
                var context = ForwardContext(parameters: parameters, training: false)
                validationLoss = try step(validation, &context, false).loss
                guard validationLoss?.isFinite == true else { throw NNError.nonFiniteLoss(epoch: epoch, batch: 0) }
            }
            let report = EpochReport(epoch: epoch, trainingLoss: total / Double(trainCount),
                                     validationLoss: validationLoss, learningRate: scheduler.rate)
            history.epochs.append(report)
            onEpoch?(report)
            counter?.advance(detail: report.progressDetail)
            let monitored = validationLoss ?? report.trainingLoss
            if monitored < best.loss { best = (monitored, parameters, epoch) }
            scheduler.step(loss: monitored)
            if let patience = options.earlyStoppingPatience, epoch - best.epoch > patience { break }
        }
        counter?.finish()
        if options.earlyStoppingPatience != nil {
            parameters = best.parameters
            history.bestEpoch = best.epoch
        } else {
            history.bestEpoch = history.epochs.count
        }
        return history
    }

    /// Fisher–Yates shuffle driven by the seeded generator.
    private func shuffle(_ order: inout [Int], _ generator: inout SeededGenerator) {
        guard order.count > 1 else { return }
        for i in stride(from: order.count - 1, to: 0, by: -1) {
            let j = Int(generator.next() % UInt64(i + 1))
            order.swapAt(i, j)
        }
    }
}
