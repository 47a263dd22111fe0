package uk.nhsjob.matcher.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import uk.nhsjob.matcher.MatcherIntegrationTest;
import uk.nhsjob.matcher.MatcherWorld;
import uk.nhsjob.matcher.ServiceClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static uk.nhsjob.matcher.Candidates.keywordCriteria;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;
import static uk.nhsjob.matcher.Candidates.uniqueWord;

/**
 * What the instances share in MongoDB about publishing profiles: the per-alert publish
 * lease and the schema-2 republication (docs/matching.md, "Several instances").
 */
@MatcherIntegrationTest
class PublicationAcrossInstancesIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@Autowired
	MongoOperations mongo;

	@Autowired
	ProfileRepublication republication;

	@Test
	void anAlertsProfileWaitsWhileAnotherInstanceHoldsItsPublishLease() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), keywordCriteria(uniqueWord()));
		String manage = this.world.manageToken(alertId);
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)),
				Update.update("leaseUntil", Date.from(ServiceClock.LONDON.instant().plus(Duration.ofHours(1))))
					.set("leaseHolder", "another-instance"),
				AlertPublications.COLLECTION);

		this.world.candidates().edit(alertId, manage, keywordCriteria(uniqueWord()), "DAILY", false);
		this.world.profiles().catchUpToEnd();
		assertThat(this.world.profiles().values(alertId)).extracting((profile) -> profile.path("revision").asLong())
			.containsExactly(1L);

		// the other instance's lease runs out
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)), new Update().unset("leaseUntil"),
				AlertPublications.COLLECTION);
		JsonNode edited = this.world.profiles().await(alertId, (profile) -> profile.path("revision").asLong() == 2);
		assertThat(edited.path("frequency").asString()).isEqualTo("DAILY");
	}

	@Test
	void alertsAnotherInstanceHoldsDoNotHoldUpTheRelayForTheRest() {
		List<String> held = List.of(createdAlert(), createdAlert(), createdAlert());
		String free = createdAlert();
		held.forEach((alertId) -> {
			this.mongo.updateFirst(Query.query(where("_id").is(alertId)),
					Update.update("leaseUntil", Date.from(ServiceClock.LONDON.instant().plus(Duration.ofHours(1))))
						.set("leaseHolder", "another-instance"),
					AlertPublications.COLLECTION);
			markPending(alertId);
		});
		markPending(free);

		// the relay passes the three another instance holds, and publishes the fourth
		await().atMost(Duration.ofSeconds(30)).until(() -> this.world.profiles().catchUp().values(free).size() == 2);
		this.world.profiles().catchUpToEnd();
		assertThat(held).allSatisfy((alertId) -> assertThat(this.world.profiles().values(alertId)).hasSize(1));

		this.mongo.updateMulti(Query.query(where("_id").in(held)), new Update().unset("leaseUntil"),
				AlertPublications.COLLECTION);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> held.stream()
				.allMatch((alertId) -> this.world.profiles().catchUp().values(alertId).size() == 2));
	}

	private String createdAlert() {
		String alertId = this.world.candidates().createAlert(uniqueEmail(), keywordCriteria(uniqueWord()));
		this.world.profiles().await(alertId, (profile) -> true);
		return alertId;
	}

	private void markPending(String alertId) {
		this.mongo.updateFirst(Query.query(where("_id").is(alertId)), Update.update("pendingPublication", true),
				"alerts");
	}

	@Test
	void everyAlertIsRepublishedWithItsCriteriaOnceForAllInstances() {
		// done by the instance's start already: a restart or another instance does
		// nothing
		Instant completedAt = this.republication.completedAt().orElseThrow();
		assertThat(this.republication.advance()).isTrue();
		assertThat(this.republication.completedAt()).contains(completedAt);

		// as if stored before schema version 2: its latest profile record had no criteria
		Alert stored = this.mongo.insert(StoredAlerts.activeBeforeSchema2(uniqueEmail(), new Criteria(List.of(), null,
				null, null, null, null, List.of(), List.of(), List.of(), List.of(), null, uniqueWord()),
				ServiceClock.LONDON.instant()));
		this.mongo.remove(Query.query(where("_id").is(ProfileRepublication.ID)), ProfileRepublication.COLLECTION);

		this.republication.advance();
		JsonNode republished = this.world.profiles().await(stored.id(), (profile) -> true);
		assertThat(republished.path("schemaVersion").asInt()).isEqualTo(2);
		assertThat(republished.path("criteria").path("keywords").asString()).isEqualTo(stored.criteria().keywords());
		// every alert of the suite's database goes out again, one acknowledged send
		// after another
		await().atMost(Duration.ofMinutes(3)).until(this.republication::advance);
		Instant completedAgain = this.republication.completedAt().orElseThrow();
		assertThat(this.republication.advance()).isTrue();
		assertThat(this.republication.completedAt()).contains(completedAgain);
	}

}
