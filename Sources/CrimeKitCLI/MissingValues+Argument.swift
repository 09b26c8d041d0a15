import ArgumentParser
import CrimeModels

/// `--missing error|drop` on the commands that read model tables.
extension MissingValues: ExpressibleByArgument {}
