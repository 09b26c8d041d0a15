/// What a model does with a row that has a missing value in a column it uses (statsmodels' `missing`).
public enum MissingValues: String, Sendable, CaseIterable {
    /// Stop with an error naming the first missing cell (the default).
    case error
    /// Drop every row with a missing value in a column the model uses, as statsmodels' formula API and
    /// patsy do with `missing='drop'`; other columns are not looked at.
    case drop

    /// The cell texts read as missing in a CSV table, after surrounding spaces are trimmed: pandas'
    /// default `na_values` (`read_csv`), matched case-sensitively, plus the empty cell.
    public static let markers: Set<String> = [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>",
        "N/A", "NA", "NULL", "NaN", "None", "n/a", "nan", "null",
    ]
}
