package uk.nhsjob.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack's control interface on loopback (docs/local-stack.md): its status, the
 * MongoDB-wire server stopped and started, the SMTP server's failure mode set, a child
 * process killed -9 (the stack started with {@code --restart-crashed} starts it again).
 */
final class StackControl {

	/**
	 * The SMTP server's modes: normal, {@code 421} for everything, {@code 554} at DATA.
	 */
	static final String ACCEPT = "accept";

	static final String UNAVAILABLE = "unavailable";

	static final String REFUSE_DATA = "refuse-data";

	/**
	 * One child process of the stack.
	 *
	 * @param kind {@code broker} or {@code service}
	 */
	record Child(String name, String kind, long pid, boolean alive) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String base;

	StackControl(int port) {
		this.base = "http://127.0.0.1:" + port + "/control";
	}

	/** Whether the interface answers at all (a stack built before it had none). */
	boolean isAvailable() {
		try {
			status();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	JsonNode status() {
		return JSON.readTree(call("GET", "/status"));
	}

	List<Child> children() {
		List<Child> children = new ArrayList<>();
		for (JsonNode process : status().path("processes")) {
			children.add(new Child(process.path("name").asString(), process.path("kind").asString(),
					process.path("pid").asLong(), process.path("alive").asBoolean()));
		}
		return children;
	}

	void stopMongo() {
		call("POST", "/mongo/stop");
	}

	void startMongo() {
		call("POST", "/mongo/start");
	}

	void smtp(String mode) {
		call("POST", "/smtp/mode?mode=" + mode);
	}

	/** {@code SIGKILL} of one of the stack's children, by its name. */
	void kill(String name) {
		call("POST", "/processes/" + name + "/kill");
	}

	private String call(String method, String path) {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
				.method(method, HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 != 2) {
				throw new IllegalStateException(
						method + " " + path + ": " + response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + ": " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
