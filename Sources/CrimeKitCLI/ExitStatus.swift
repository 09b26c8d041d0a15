/// The exit statuses of `crimekit` besides 0 (success).
enum ExitStatus {
    /// Data errors: anything that goes wrong while a well-formed command runs.
    static let dataError: Int32 = 1
    /// Usage errors: unknown flags, missing or malformed values (ArgumentParser's 64 is mapped to this).
    static let usageError: Int32 = 2
}
