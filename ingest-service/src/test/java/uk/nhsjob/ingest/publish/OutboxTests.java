package uk.nhsjob.ingest.publish;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.ingest.Feeds;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;
import uk.nhsjob.ingest.RegisteredSource;
import uk.nhsjob.ingest.ServiceClock;
import uk.nhsjob.ingest.VacancyTopic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.reset;

/**
 * A vacancy the broker did not acknowledge is kept, pending, and sent again: the record
 * and the topic never drift apart.
 */
@IngestServiceTest
class OutboxTests {

	@RegisterExtension
	final RegisteredSource source = new RegisteredSource("outbox", "NHS_TRUST", "LS1 4AP");

	/**
	 * Boot declares it as {@code KafkaTemplate<?, ?>}, which only the raw type matches.
	 */
	@MockitoSpyBean(name = "kafkaTemplate")
	@SuppressWarnings("rawtypes")
	KafkaTemplate kafka;

	@Autowired
	OutboxRelay relay;

	@Autowired
	PublishedVacancies publishedVacancies;

	@Test
	@SuppressWarnings("unchecked")
	void keepsAVacancyTheBrokerDidNotAcknowledgePendingAndSendsItAgain() {
		String id = this.source.id() + ":LOST-1";
		doReturn(CompletableFuture.failedFuture(new KafkaException("broker unavailable"))).when(this.kafka)
			.send(eq(Topics.VACANCIES), eq(id), any());

		Response refused = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("LOST-1")));

		assertThat(refused.status()).isEqualTo(503);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.headers().firstValue("Retry-After")).isPresent();
		assertThat(refused.json().path("pending").asInt()).isEqualTo(1);
		PublishedVacancy pending = this.publishedVacancies.findById(id).orElseThrow();
		assertThat(pending.pendingPublication()).isTrue();
		assertThat(pending.revision()).isEqualTo(1);

		reset(this.kafka);
		assertThat(this.relay.republishPendingBefore(ServiceClock.now().plusSeconds(1)).acknowledged()).isPositive();

		assertThat(this.publishedVacancies.findById(id).orElseThrow().pendingPublication()).isFalse();
		List<VacancyPublished> events = VacancyTopic.awaitEvents(id, 1);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.eventId().toString()).isEqualTo(pending.eventId());
			assertThat(event.vacancy().revision()).isEqualTo(1);
			// as stored and read back: the dates survive the round trip through MongoDB
			assertThat(event.vacancy().closingDate()).isEqualTo(ServiceClock.today().plusDays(30));
			assertThat(event.vacancy().postedAt()).isEqualTo(ServiceClock.today());
		});
		Response again = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("LOST-1")));
		assertThat(again.json().path("unchanged").asInt()).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void sendsARepushedVacancyThatWasStillPending() {
		String id = this.source.id() + ":RETRY-1";
		doReturn(CompletableFuture.failedFuture(new KafkaException("broker unavailable"))).when(this.kafka)
			.send(eq(Topics.VACANCIES), eq(id), any());
		assertThat(this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("RETRY-1")))
			.status()).isEqualTo(503);
		reset(this.kafka);

		Response again = this.source.api()
			.pushFeed(this.source.id(), this.source.key(), Feeds.feed(Feeds.vacancy("RETRY-1")));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("published").asInt()).isEqualTo(1);
		assertThat(VacancyTopic.awaitEvents(id, 1)).singleElement()
			.satisfies((event) -> assertThat(event.vacancy().revision()).isEqualTo(1));
	}

}
