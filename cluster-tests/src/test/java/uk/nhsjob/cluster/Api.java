package uk.nhsjob.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The services' HTTP side as a load balancer in front of the instances would offer it:
 * each call goes to a randomly chosen instance (from the workload's seeded
 * {@link Random}) that is not down, and to another one when that one does not answer.
 * Calls the workload repeats on another instance are those a client would repeat
 * (idempotent, or harmless when done twice).
 */
final class Api {

	private static final Duration GIVE_UP = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Function<String, List<? extends Endpoint>> instances;

	private final Random random;

	private final Set<String> down = ConcurrentHashMap.newKeySet();

	/**
	 * @param instances the instances of a service ({@code ingest}, {@code matcher},
	 * {@code notifier})
	 */
	Api(Function<String, List<? extends Endpoint>> instances, Random random) {
		this.instances = instances;
		this.random = random;
	}

	/** Leaves an instance out until {@link #up}. */
	void down(Endpoint instance) {
		this.down.add(instance.name());
	}

	void up(Endpoint instance) {
		this.down.remove(instance.name());
	}

	/** An instance to call, chosen at random among those up. */
	Endpoint pick(String service) {
		List<? extends Endpoint> up = this.instances.apply(service)
			.stream()
			.filter((instance) -> !this.down.contains(instance.name()))
			.toList();
		List<? extends Endpoint> from = up.isEmpty() ? this.instances.apply(service) : up;
		synchronized (this.random) {
			return from.get(this.random.nextInt(from.size()));
		}
	}

	/**
	 * Sends the request built for an instance's base URL to a random instance, and to
	 * another when it does not answer.
	 */
	HttpResponse<String> send(String service, Function<String, HttpRequest.Builder> request) {
		Instant deadline = Instant.now().plus(GIVE_UP);
		IOException last = null;
		while (Instant.now().isBefore(deadline)) {
			Endpoint instance = pick(service);
			try {
				HttpResponse<String> response = this.http.send(
						request.apply(instance.url()).timeout(Duration.ofSeconds(60)).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 503 || response.statusCode() == 502) {
					Cluster.pause(Duration.ofMillis(500));
					continue;
				}
				return response;
			}
			catch (IOException ex) {
				last = ex;
				Cluster.pause(Duration.ofMillis(500));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("No " + service + " instance answered within " + GIVE_UP, last);
	}

	/** A link minted by one matcher instance, pointed at another base URL. */
	static String rebase(String link, String baseUrl) {
		URI uri = URI.create(link);
		return baseUrl + uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	static HttpRequest.Builder request(String url) {
		return HttpRequest.newBuilder(URI.create(url));
	}

}
