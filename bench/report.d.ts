// Types of the report writer, for the tests that check how figures become targets and tables.
export declare function renderResults(results: Record<string, unknown>): string;
