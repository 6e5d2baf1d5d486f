package com.modecon.batch.process;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/** Fires creation requests at a service all at once, the way a busy front end would. */
final class Requests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern NUMBER = Pattern.compile("\"NewBatchNumber\":(\\d+)");

    private Requests() {
    }

    static List<CompletableFuture<HttpResponse<String>>> createInParallel(URI endpoint, int count) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        return IntStream.range(0, count)
                .mapToObj(i -> CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
    }

    static HttpResponse<String> create(URI endpoint) {
        return createInParallel(endpoint, 1).get(0).join();
    }

    static HttpResponse<String> get(URI uri) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long numberIn(String body) {
        Matcher matcher = NUMBER.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no batch number in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }
}
