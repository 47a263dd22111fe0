package uk.nhsjob.localstack.mongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which queries an equality index answers, and with which documents: the candidates the
 * collection then tests against the whole query.
 */
class EqualityIndexTests {

	private H2Backend backend;

	private MongoCollection<Object> ledger;

	private EqualityIndex byState;

	private EqualityIndex byAlert;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void ledgerOfTenEntries() {
		this.backend = IndexedH2Backend.inMemoryStore();
		this.ledger = (MongoCollection<Object>) this.backend.resolveDatabase("nhsjob-notifier")
			.createCollectionOrThrowIfExists("deliveries");
		for (int i = 0; i < 10; i++) {
			this.ledger.addDocument(new Document("_id", "entry-" + i).append("alertId", "alert-" + (i % 5))
				.append("state", (i < 8) ? "SENT" : "PENDING"));
		}
		this.byState = index("due", "state");
		this.byAlert = index("alertId", "alertId");
	}

	@AfterEach
	void close() {
		this.backend.close();
	}

	private EqualityIndex index(String name, String field) {
		EqualityIndex index = new EqualityIndex(name, List.of(new IndexKey(field, true)), false);
		this.ledger.addIndex(index);
		return index;
	}

	@Test
	void answersAnEqualityWithTheDocumentsThatHaveTheValue() {
		Document pending = new Document("state", "PENDING");

		assertThat(this.byState.canHandle(pending)).isTrue();
		assertThat(this.byState.getPositions(pending)).containsExactly("entry-8", "entry-9");
	}

	@Test
	void answersARoundsOrOfStatesWithTheUnionOfItsBranches() {
		Document due = new Document("$or",
				List.of(new Document("state", "PENDING").append("dueAt", new Document("$lte", 5)),
						new Document("state", "FAILED")));

		assertThat(this.byState.canHandle(due)).isTrue();
		assertThat(this.byState.getPositions(due)).containsExactly("entry-8", "entry-9");
	}

	@Test
	void leavesAQueryToTheIndexWithFewerCandidates() {
		Document alertsSent = new Document("alertId", new Document("$in", List.of("alert-1", "alert-2")))
			.append("state", "SENT");

		assertThat(this.byState.canHandle(alertsSent)).isFalse();
		assertThat(this.byAlert.canHandle(alertsSent)).isTrue();
		assertThat(this.byAlert.getPositions(alertsSent)).containsExactlyInAnyOrder("entry-1", "entry-6", "entry-2",
				"entry-7");
	}

	@Test
	void answersNullWithTheDocumentsWithoutTheField() {
		this.ledger.addDocument(new Document("_id", "parked").append("alertId", "alert-9"));

		assertThat(this.byState.getPositions(new Document("state", null))).containsExactly("parked");
	}

	@Test
	void followsAnUpdateAndARemoval() {
		Document entry = this.ledger.handleQuery(new Document("_id", "entry-9")).iterator().next();
		this.ledger.updateDocuments(new Document("_id", "entry-8"), new Document("$set", new Document("state", "SENT")),
				ArrayFilters.empty(), false, false, NoopOplog.get());
		this.ledger.removeDocument(entry);

		assertThat(this.byState.getPositions(new Document("state", "PENDING"))).isEmpty();
		assertThat(this.byState.getPositions(new Document("state", "SENT"))).hasSize(9);
	}

	@Test
	void leavesRangesNumbersAndFieldsItDoesNotHoldToAFullRead() {
		assertThat(this.byState.canHandle(new Document("state", new Document("$ne", "SENT")))).isFalse();
		assertThat(this.byState.canHandle(new Document("state", 1))).isFalse();
		assertThat(this.byState.canHandle(new Document("email", "x"))).isFalse();
		assertThat(this.byState
			.canHandle(new Document("$or", List.of(new Document("state", "PENDING"), new Document("attempts", 2)))))
			.isFalse();
	}

	@Test
	void answersNothingOnceADocumentHoldsAnArrayThere() {
		this.ledger.addDocument(new Document("_id", "odd").append("state", List.of("PENDING", "SENT")));

		assertThat(this.byState.canHandle(new Document("state", "PENDING"))).isFalse();
	}

	@Test
	void theIdIndexAnswersAConditionalUpdateByItsId() {
		Index<Object> ids = this.ledger.getIndexes().get(0);
		Document conditional = new Document("_id", "entry-8").append("state", "PENDING");

		assertThat(ids).isInstanceOf(IdLookupIndex.class);
		assertThat(ids.canHandle(conditional)).isTrue();
		assertThat(ids.getPositions(conditional)).containsExactly("entry-8");
	}

}
