package uk.nhsjob.matcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vacancy.VacancyPublished;
import uk.nhsjob.testsupport.TestInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * Publishes vacancies as the ingest service does, and waits for the matcher to read them,
 * match them and commit.
 */
public final class VacancyFeed implements AutoCloseable {

	private static final String MATCHER_GROUP = "matcher-service";

	private final KafkaProducer<String, VacancyPublished> producer;

	private final KafkaProducer<String, String> rawProducer;

	private final Admin admin;

	public VacancyFeed() {
		String servers = TestInfrastructure.shared().kafkaBootstrapServers();
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new JacksonJsonSerializer<VacancyPublished>().noTypeInfo());
		this.rawProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
				new StringSerializer(), new StringSerializer());
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
	}

	public RecordMetadata publish(Vacancy vacancy) {
		return publish(vacancy, null);
	}

	/** Into one partition, to be read after or before another record there. */
	public RecordMetadata publish(Vacancy vacancy, @Nullable Integer partition) {
		try {
			return this.producer
				.send(new ProducerRecord<>(Topics.VACANCIES, partition, vacancy.id(),
						VacancyPublished.of(vacancy, ServiceClock.LONDON.instant())))
				.get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whatever text, as a broken producer might send it. */
	public RecordMetadata publishRaw(String key, String value) {
		try {
			return this.rawProducer.send(new ProducerRecord<>(Topics.VACANCIES, key, value)).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Waits until the matcher has read, matched and committed this record. */
	public void awaitMatcherRead(RecordMetadata record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			OffsetAndMetadata committed = this.admin.listConsumerGroupOffsets(MATCHER_GROUP)
				.partitionsToOffsetAndMetadata()
				.get()
				.get(partition);
			return committed != null && committed.offset() > record.offset();
		});
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(5));
		this.rawProducer.close(Duration.ofSeconds(5));
		this.admin.close(Duration.ofSeconds(5));
	}

}
