package com.modecon.batch.rest;

/** Example bodies shown in the OpenAPI document, kept in one place so they stay consistent. */
final class ApiExamples {

    static final String DETAILS = """
            {"number":7,"id":"3f2b9d4e-8c1a-4f6e-9b7d-2a5c8e1f0d34","createdAt":"2026-12-03T09:15:02.114Z",
             "createdBy":"maria","source":"template:default","fileCount":5,"totalBytes":2048,"hasResults":false}""";
    static final String SUMMARIES = """
            [{"number":1,"id":null,"createdAt":"2025-06-01T08:00:00Z","createdBy":null,"source":"unknown"},
             {"number":2,"id":"9a1c2e3f-4b5d-4e6f-8a7b-1c2d3e4f5a6b","createdAt":"2026-12-03T09:15:02.114Z",
              "createdBy":"maria","source":"clone:1"}]""";
    static final String TRASH_ENTRY = """
            {"id":"0b6e4c2a-7d1f-4a3e-9c5b-8e2d1f0a3b4c","number":4,"deletedAt":"2026-12-03T10:00:00Z",
             "deletedBy":"maria"}""";
    static final String NOT_FOUND = """
            {"type":"urn:modecon:problem:batch-not-found","title":"Batch not found","status":404,
             "detail":"There is no Batch(42); it may have been deleted already"}""";
    static final String INVALID = """
            {"type":"urn:modecon:problem:invalid-request","title":"Invalid request","status":400,
             "detail":"'abc' is not a batch number (a decimal like 7)"}""";
    static final String RESULTS_NOT_EMPTY = """
            {"type":"urn:modecon:problem:results-not-empty","title":"Results not empty","status":409,
             "detail":"Batch(4)/Results(4) holds results; delete with ?force=true to move the batch to the \
            trash anyway"}""";
    static final String UNAUTHORIZED = """
            {"type":"urn:modecon:problem:unauthorized","title":"Unauthorized","status":401,
             "detail":"This request needs the header Authorization: Bearer <batch.api-key>"}""";
    static final String BUSY = """
            {"type":"urn:modecon:problem:unavailable","title":"Unavailable","status":503,
             "detail":"The service is busy with other batches; retry in 1 s"}""";

    private ApiExamples() {
    }
}
