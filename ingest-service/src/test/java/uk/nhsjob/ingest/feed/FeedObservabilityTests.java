package uk.nhsjob.ingest.feed;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Counters per source and a log line per feed, for the operator. */
@IngestServiceTest
@ExtendWith(OutputCaptureExtension.class)
class FeedObservabilityTests {

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meters;

	@Test
	void countsEachSourcesVacanciesByOutcomeAndRejectionsByReason(CapturedOutput output) {
		IngestApi api = new IngestApi(this.port);
		String sourceId = IngestApi.uniqueSourceId("metrics");
		String key = api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");
		api.pushFeed(sourceId, key, Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("B")));

		Response receipt = api.post("/api/v1/feeds/" + sourceId + "?mode=snapshot", key, "application/json",
				Feeds.feed(Feeds.vacancy("A"), Feeds.vacancy("C", Map.of("postcode", "nowhere")),
						Feeds.vacancy("D", Map.of("closingDate", "01/01/2001"))));

		assertThat(count(sourceId, "received")).isEqualTo(5);
		assertThat(count(sourceId, "published")).isEqualTo(2);
		assertThat(count(sourceId, "unchanged")).isEqualTo(1);
		assertThat(count(sourceId, "closed")).isEqualTo(1);
		assertThat(count(sourceId, "rejected")).isEqualTo(2);
		assertThat(this.meters.counter(FeedObservations.REJECTIONS, "source", sourceId, "reason", "postcode").count())
			.isEqualTo(1);
		assertThat(
				this.meters.counter(FeedObservations.REJECTIONS, "source", sourceId, "reason", "closingDate").count())
			.isEqualTo(1);
		String feedId = receipt.json().path("feedId").asString();
		assertThat(output.getOut()).containsPattern("Feed " + feedId + " from " + sourceId
				+ ": mode SNAPSHOT, content type application/json, received 3, published 0, unchanged 1, closed 1, "
				+ "rejected 2, pending 0, \\d+ ms");
	}

	private double count(String sourceId, String outcome) {
		return this.meters.counter(FeedObservations.VACANCIES, "source", sourceId, "outcome", outcome).count();
	}

}
