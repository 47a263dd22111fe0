package uk.nhsjob.ingest.publish;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.VacancyStatus;
import uk.nhsjob.platform.postcode.Postcode;

/**
 * Decides which vacancies are copies of one job (docs/normalisation.md, "The same job
 * from two sources"): two open vacancies of different sources with the same employer and
 * reference, or the same employer, title, postcode sector and closing date. Each vacancy
 * tries to hold its keys in the {@code jobKeys} collection, whose ids are unique, by
 * single-document conditional writes: the first to insert a key is the job's first copy,
 * so two instances can never both call their copy the first; a later copy from another
 * source is its duplicate. A closed vacancy lets go of its keys; the next copy to ask
 * takes them over, keeping the job's id.
 * <p>
 * Called for each new or changed revision and each closure, under the vacancy's source's
 * lease, so one vacancy's keys are never written by two feeds at once.
 */
@Component
class JobKeys {

	private static final String OWNER = "owner";

	private static final String ID = "_id";

	private static final String PUBLISHED_VACANCIES = "publishedVacancies";

	/** Takeovers of a key that another writer changed meanwhile, before giving up. */
	private static final int ATTEMPTS = 5;

	private final MongoOperations mongo;

	JobKeys(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Holds the keys of an open vacancy's new revision and says which job it is a copy
	 * of; lets go of the keys its earlier revisions held and this one does not. Keys are
	 * tried in one order (the reference's first), and the first held by another source's
	 * open vacancy makes this one its duplicate, holding no key; so of two copies with
	 * the same keys, whichever inserts the first key is the first copy.
	 * @param vacancy an open vacancy, job fields not set
	 * @param earlierJobId the job id of its latest revision, if any: kept when it is no
	 * duplicate, so that a vacancy stays the same job across revisions
	 * @param published whether an earlier revision was, which may hold keys
	 */
	Job decide(Vacancy vacancy, @Nullable String earlierJobId, boolean published) {
		// what it holds already needs no write: a changed vacancy mostly keeps its keys
		Map<String, JobKey> owned = published ? ownedBy(vacancy.id()) : Map.of();
		Set<String> holds = new HashSet<>(owned.keySet());
		List<String> held = new ArrayList<>();
		Job job = null;
		for (String key : keysOf(vacancy)) {
			JobKey mine = owned.get(key);
			Claim claim = (mine != null) ? new Claim(true, null, mine.jobId()) : claim(key, vacancy, earlierJobId);
			if (claim.duplicateOf() != null) {
				job = new Job(claim.duplicateOf(), claim.jobId());
				break;
			}
			if (claim.held()) {
				held.add(key);
				holds.add(key);
				if (job == null) {
					job = new Job(null, (earlierJobId != null) ? earlierJobId : claim.jobId());
				}
			}
		}
		if (job != null && job.duplicateOf() != null) {
			// a copy is first of nothing, even by a key no other copy has yet
			held.clear();
		}
		// the keys it held before and no longer, and any a duplicate took on its way
		holds.removeAll(held);
		holds.forEach((key) -> letGoOf(key, vacancy.id()));
		return (job != null) ? job : new Job(null, (earlierJobId != null) ? earlierJobId : vacancy.id());
	}

	/**
	 * Decides the jobs of new open vacancies (no earlier revision) as {@link #decide}
	 * does, with two unordered bulk inserts instead of a write per key: each vacancy's
	 * first key, then the second key of those whose first went in, so a vacancy still
	 * tries its keys in order. A vacancy whose insert was refused (a key held already) is
	 * decided on its own.
	 * @return the job of each, by vacancy id
	 */
	Map<String, Job> decideNew(List<Vacancy> vacancies) {
		Map<String, List<String>> keys = new HashMap<>();
		for (Vacancy vacancy : vacancies) {
			keys.put(vacancy.id(), keysOf(vacancy));
		}
		Set<String> refused = insertAll(vacancies, keys, 0);
		insertAll(vacancies.stream().filter((vacancy) -> !refused.contains(vacancy.id())).toList(), keys, 1)
			.forEach(refused::add);
		Map<String, Job> jobs = new HashMap<>();
		for (Vacancy vacancy : vacancies) {
			jobs.put(vacancy.id(),
					refused.contains(vacancy.id()) ? decide(vacancy, null, false) : new Job(null, vacancy.id()));
		}
		return jobs;
	}

	/**
	 * Inserts the key at that place of each vacancy that has one.
	 * @return the ids of the vacancies whose insert was refused
	 */
	private Set<String> insertAll(List<Vacancy> vacancies, Map<String, List<String>> keys, int place) {
		List<Vacancy> inserting = vacancies.stream()
			.filter((vacancy) -> keys.get(vacancy.id()).size() > place)
			.toList();
		Set<String> refused = new HashSet<>();
		if (inserting.isEmpty()) {
			return refused;
		}
		BulkOperations bulk = this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, JobKey.class);
		for (Vacancy vacancy : inserting) {
			bulk.insert(new JobKey(keys.get(vacancy.id()).get(place), vacancy.id(), vacancy.sourceId(), vacancy.id()));
		}
		try {
			bulk.execute();
		}
		catch (BulkOperationException ex) {
			ex.getErrors().forEach((error) -> refused.add(inserting.get(error.getIndex()).id()));
		}
		catch (DuplicateKeyException ex) {
			// which were refused is not known: decide each on its own
			inserting.forEach((vacancy) -> refused.add(vacancy.id()));
		}
		return refused;
	}

	/** Lets go of every key the vacancy holds: it closed. */
	void release(String vacancyId) {
		letGoOfAllBut(vacancyId, List.of());
	}

	/**
	 * Whether a duplicate's first copy has closed since, so that the duplicate is no
	 * longer one.
	 */
	boolean firstClosed(String firstId) {
		return closed(firstId);
	}

	/** The keys of a vacancy, the reference's first; none without an employer. */
	static List<String> keysOf(Vacancy vacancy) {
		String employer = squeezed(vacancy.employerName());
		if (employer.isEmpty()) {
			return List.of();
		}
		List<String> keys = new ArrayList<>(2);
		String reference = squeezed(vacancy.reference());
		if (!reference.isEmpty()) {
			keys.add(String.join("|", "ref", employer, reference));
		}
		Optional<String> sector = Postcode.parse(vacancy.postcode()).flatMap(Postcode::sector);
		LocalDate closingDate = vacancy.closingDate();
		String title = squeezed(vacancy.title());
		if (sector.isPresent() && closingDate != null && !title.isEmpty()) {
			keys.add(String.join("|", "posting", employer, title, squeezed(sector.get()), closingDate.toString()));
		}
		return keys;
	}

	/** Lower case, without spaces: compared case- and space-insensitively. */
	private static String squeezed(@Nullable String text) {
		return (text != null) ? text.replaceAll("\\s+", "").toLowerCase(Locale.ROOT) : "";
	}

	private Claim claim(String key, Vacancy vacancy, @Nullable String earlierJobId) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			try {
				String jobId = (earlierJobId != null) ? earlierJobId : vacancy.id();
				this.mongo.insert(new JobKey(key, vacancy.id(), vacancy.sourceId(), jobId));
				return new Claim(true, null, jobId);
			}
			catch (DuplicateKeyException ex) {
				// held, or held before: read it
			}
			JobKey current = this.mongo.findById(key, JobKey.class);
			if (current == null) {
				continue;
			}
			String owner = current.owner();
			if (vacancy.id().equals(owner)) {
				return new Claim(true, null, current.jobId());
			}
			if (owner != null && vacancy.sourceId().equals(current.ownerSource())) {
				// a source's own vacancies are never copies of each other
				return new Claim(false, null, current.jobId());
			}
			// an owner absent from the outbox is a copy whose revision is on its way
			if (owner != null && !closed(owner)) {
				return new Claim(false, owner, current.jobId());
			}
			// a key another source's copy let go of keeps its job (the same job, listed
			// again); one the same source's vacancy let go of does not: a source's own
			// vacancies are never one job
			String jobId = vacancy.sourceId().equals(current.ownerSource())
					? ((earlierJobId != null) ? earlierJobId : vacancy.id()) : current.jobId();
			if (takeOver(key, owner, vacancy, jobId)) {
				return new Claim(true, null, jobId);
			}
		}
		// changed under it every time: take it as a job of its own this revision
		return new Claim(false, null, vacancy.id());
	}

	private boolean takeOver(String key, @Nullable String formerOwner, Vacancy vacancy, String jobId) {
		Query held = Query.query(Criteria.where(ID).is(key).and(OWNER).is(formerOwner));
		return this.mongo
			.updateFirst(held,
					Update.update(OWNER, vacancy.id()).set("ownerSource", vacancy.sourceId()).set("jobId", jobId),
					JobKey.class)
			.getMatchedCount() == 1;
	}

	private void letGoOfAllBut(String vacancyId, List<String> keep) {
		for (String key : ownedBy(vacancyId).keySet()) {
			if (!keep.contains(key)) {
				letGoOf(key, vacancyId);
			}
		}
	}

	/** The keys the vacancy holds, by key: one query, on the owner's index. */
	private Map<String, JobKey> ownedBy(String vacancyId) {
		Map<String, JobKey> owned = new HashMap<>();
		for (JobKey key : this.mongo.find(Query.query(Criteria.where(OWNER).is(vacancyId)), JobKey.class)) {
			owned.put(key.key(), key);
		}
		return owned;
	}

	/**
	 * Lets go of a key while the vacancy holds it; the key keeps the job's id and the
	 * source it was last held by.
	 */
	private void letGoOf(String key, String vacancyId) {
		this.mongo.updateFirst(Query.query(Criteria.where(ID).is(key).and(OWNER).is(vacancyId)),
				new Update().unset(OWNER), JobKey.class);
	}

	/** Read by id alone, which every MongoDB answers from the id index. */
	private boolean closed(String vacancyId) {
		Query byId = Query.query(Criteria.where(ID).is(vacancyId));
		byId.fields().include("status");
		Document state = this.mongo.findOne(byId, Document.class, PUBLISHED_VACANCIES);
		return state != null && VacancyStatus.CLOSED.name().equals(state.getString("status"));
	}

	/**
	 * A vacancy's job.
	 *
	 * @param duplicateOf the first copy, another source's open vacancy; null when this is
	 * the first or the only one
	 * @param jobId the job's id
	 */
	record Job(@Nullable String duplicateOf, String jobId) {
	}

	private record Claim(boolean held, @Nullable String duplicateOf, String jobId) {
	}

}
