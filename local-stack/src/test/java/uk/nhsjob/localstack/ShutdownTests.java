package uk.nhsjob.localstack;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShutdownTests {

	private final List<String> said = new ArrayList<>();

	private final List<String> stopped = new ArrayList<>();

	private final Shutdown shutdown = new Shutdown(this.said::add);

	@Test
	void stopsNewestFirstOnceEvenWhenAStepFails() {
		this.shutdown.add("Kafka", () -> this.stopped.add("Kafka"));
		this.shutdown.add("MongoDB", () -> {
			throw new IllegalStateException("boom");
		});
		this.shutdown.add("the services", () -> this.stopped.add("the services"));

		this.shutdown.run();
		this.shutdown.run();

		assertThat(this.stopped).containsExactly("the services", "Kafka");
		assertThat(this.said).contains("Stopping MongoDB failed: java.lang.IllegalStateException: boom");
	}

	@Test
	void stopsAtOnceWhatIsAddedWhileStopping() {
		this.shutdown.run();

		this.shutdown.add("the services", () -> this.stopped.add("the services"));

		assertThat(this.shutdown.isStopping()).isTrue();
		assertThat(this.stopped).containsExactly("the services");
	}

}
