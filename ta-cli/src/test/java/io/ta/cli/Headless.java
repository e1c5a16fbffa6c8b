package io.ta.cli;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol, which waits for the report to say it has drawn
 * ({@code window.__taReport.ready}) instead of dumping the page when a virtual-time budget runs out: on a loaded
 * machine that budget could run out before the page's animation frames came, and the dump then showed an empty
 * {@code #ta-status}. A page that never becomes ready fails after {@link #READY_SECONDS}, with what it reported.
 */
final class Headless implements AutoCloseable {
    /** How long a page may take to draw, in wall-clock seconds: generous, as a loaded CI machine is slow. */
    static final int READY_SECONDS = 120;

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocket socket;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private int id;

    private Headless(Process process) {
        this.process = process;
    }

    /** Starts {@code chromium} on {@code page} with a fresh {@code profile} and a 1300×950 window. */
    static Headless open(String chromium, Path page, Path profile) throws Exception {
        List<String> command = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding",
                "--user-data-dir=" + profile, "--window-size=1300,950", "--hide-scrollbars",
                "--remote-debugging-port=0", page.toUri().toString());
        Headless h = new Headless(new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
        try {
            String browser = listening(h.process);
            URI base = URI.create(browser.replaceFirst("^ws://([^/]+)/.*$", "http://$1/"));
            String pageSocket = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
            while (pageSocket == null) {
                String list = h.http.send(HttpRequest.newBuilder(base.resolve("json/list")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                for (JsonElement t : JsonParser.parseString(list).getAsJsonArray()) {
                    JsonObject target = t.getAsJsonObject();
                    if (target.get("type").getAsString().equals("page") && target.has("webSocketDebuggerUrl")) {
                        pageSocket = target.get("webSocketDebuggerUrl").getAsString();
                    }
                }
                if (pageSocket == null) {
                    if (System.nanoTime() > deadline) {
                        fail("chromium opened no page: " + list);
                    }
                    Thread.sleep(50);
                }
            }
            h.socket = h.http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), h.listener())
                    .get(READY_SECONDS, TimeUnit.SECONDS);
            return h;
        } catch (Exception | Error e) {
            h.close();
            throw e;
        }
    }

    /** The address the browser's DevTools listen on, from its standard error (which is then drained). */
    private static String listening(Process p) throws Exception {
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread drain = new Thread(() -> {
            try {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(m.group(1));
                    } else if (!found.isDone()) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                    }
                }
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
            found.completeExceptionally(new IllegalStateException("chromium exited without listening"));
        }, "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        try {
            return found.get(READY_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            synchronized (lines) {
                return fail("chromium did not open its DevTools port: " + e + "; " + String.join("\n", lines));
            }
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            private final StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                part.append(data);
                if (last) {
                    messages.add(part.toString());
                    part.setLength(0);
                }
                ws.request(1);
                return null;
            }
        };
    }

    @Override
    public void close() throws IOException {
        try {
            // Closed as a user would close it, the browser ends its helper processes and removes its files in /tmp
            // (a signal leaves its org.chromium.Chromium.* directory behind).
            if (socket != null) {
                JsonObject message = new JsonObject();
                message.addProperty("id", ++id);
                message.addProperty("method", "Browser.close");
                socket.sendText(message.toString(), true).get(30, TimeUnit.SECONDS);
            } else {
                process.destroy();
            }
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(30, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            process.destroyForcibly();
        } finally {
            if (socket != null) {
                socket.abort();
            }
            http.close();
        }
    }

    /** Calls a DevTools method on the page and returns its {@code result}. */
    JsonObject call(String method, JsonObject params) throws Exception {
        int call = ++id;
        JsonObject message = new JsonObject();
        message.addProperty("id", call);
        message.addProperty("method", method);
        message.add("params", params == null ? new JsonObject() : params);
        socket.sendText(message.toString(), true).get(READY_SECONDS, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        while (true) {
            long left = deadline - System.nanoTime();
            String text = left > 0 ? messages.poll(left, TimeUnit.NANOSECONDS) : null;
            if (text == null) {
                return fail("chromium did not answer " + method + " within " + READY_SECONDS + " s");
            }
            JsonObject reply = JsonParser.parseString(text).getAsJsonObject();
            if (!reply.has("id") || reply.get("id").getAsInt() != call) {
                continue;
            }
            if (reply.has("error")) {
                return fail(method + ": " + reply.get("error"));
            }
            return reply.getAsJsonObject("result");
        }
    }

    /** The value of a script expression (a promise is awaited), as JSON text. */
    String evaluate(String expression) throws Exception {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("awaitPromise", true);
        params.addProperty("returnByValue", true);
        JsonObject result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            return fail(expression + " threw: " + result.get("exceptionDetails"));
        }
        JsonElement value = result.getAsJsonObject("result").get("value");
        return value == null ? "null" : value.toString();
    }

    /**
     * Waits until the page has drawn and returns the DOM then: fails when it does not say so within
     * {@link #READY_SECONDS}, showing what it reported.
     */
    String readyDom() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        String state = "null";
        while (System.nanoTime() < deadline) {
            state = evaluate("window.__taReport ? JSON.stringify(window.__taReport) : null");
            if (!state.equals("null")) {
                String json = JsonParser.parseString(state).getAsString();
                JsonObject report = JsonParser.parseString(json).getAsJsonObject();
                if (report.get("ready").getAsBoolean()) {
                    return JsonParser.parseString(evaluate("document.documentElement.outerHTML")).getAsString();
                }
                // An error before drawing (a script that threw) means it never will: say so now, not at the deadline.
                if (!report.getAsJsonArray("errors").isEmpty()
                        && evaluate("document.readyState").equals("\"complete\"")) {
                    return fail("the page failed before it drew: " + report);
                }
            }
            Thread.sleep(100);
        }
        return fail("the page did not draw within " + READY_SECONDS + " s; it reported " + state);
    }

    /** A PNG of the window once the page has drawn. */
    byte[] screenshot() throws Exception {
        readyDom();
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        return Base64.getDecoder().decode(call("Page.captureScreenshot", params).get("data").getAsString());
    }
}
