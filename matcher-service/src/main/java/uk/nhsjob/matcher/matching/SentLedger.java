package uk.nhsjob.matcher.matching;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Which jobs each alert has been sent (a vacancy, or any copy of it from another source:
 * docs/matching.md): in MongoDB, so that it outlives the alerts topic's retention. A pair
 * is recorded once the transaction that published it has committed, so nothing aborted is
 * ever taken for sent; what a crash keeps from being recorded is recorded from the topic
 * by {@link SentReconciliation}, and what MongoDB refuses for a while is held here and
 * written again.
 */
@Component
class SentLedger {

	private static final Logger log = LoggerFactory.getLogger(SentLedger.class);

	private final SentMatches sent;

	/** Committed on the topic, not yet written to MongoDB: by id. */
	private final Map<String, SentMatch> unrecorded = new ConcurrentHashMap<>();

	SentLedger(SentMatches sent) {
		this.sent = sent;
	}

	/** Those of the alerts that have been sent the job already, any copy of it. */
	Set<String> alertsSent(String jobId, Collection<String> alertIds) {
		if (alertIds.isEmpty()) {
			return Set.of();
		}
		List<String> ids = alertIds.stream().map((alertId) -> SentMatch.idOf(alertId, jobId)).toList();
		Set<String> sentBefore = new HashSet<>();
		this.sent.findAllById(ids).forEach((match) -> sentBefore.add(match.alertId()));
		ids.stream()
			.map(this.unrecorded::get)
			.filter((match) -> match != null)
			.forEach((match) -> sentBefore.add(match.alertId()));
		return sentBefore;
	}

	/** The jobs the alert was sent in records of their own. */
	Set<String> jobsSentAlone(String alertId) {
		return this.sent.findByAlertIdAndVia(alertId, SentMatch.Via.MATCH)
			.stream()
			.map(SentMatch::jobId)
			.collect(Collectors.toSet());
	}

	/**
	 * Records pairs as sent; the first record of a pair stands. Never fails: what cannot
	 * be written now is kept and written again.
	 */
	void record(Collection<SentMatch> matches) {
		for (SentMatch match : matches) {
			try {
				this.sent.insert(match);
				this.unrecorded.remove(match.id());
			}
			catch (DuplicateKeyException ex) {
				// recorded before: a welcome set's vacancy, or a reconciliation
				this.unrecorded.remove(match.id());
			}
			catch (RuntimeException ex) {
				this.unrecorded.putIfAbsent(match.id(), match);
				log.warn("Sent match {} not recorded yet: {}", match.id(), ex.toString());
			}
		}
	}

	/**
	 * Records pairs as sent, the first record of a pair standing, or fails: for a caller
	 * that must know they are in MongoDB before it moves on.
	 */
	void recordNow(Collection<SentMatch> matches) {
		for (SentMatch match : matches) {
			try {
				this.sent.insert(match);
			}
			catch (DuplicateKeyException ex) {
				// recorded before
			}
			this.unrecorded.remove(match.id());
		}
	}

	/** The ids of those of the pairs not recorded yet. */
	Set<String> notRecorded(Collection<String> ids) {
		Set<String> missing = new HashSet<>(ids);
		this.sent.findAllById(ids).forEach((match) -> missing.remove(match.id()));
		return missing;
	}

	@Scheduled(fixedDelayString = "${nhsjob.matcher.outbox-relay-interval:5s}")
	void recordHeldBack() {
		if (!this.unrecorded.isEmpty()) {
			record(List.copyOf(this.unrecorded.values()));
		}
	}

	/** Forgets which vacancies an alert was sent. */
	void forget(String alertId) {
		this.unrecorded.values().removeIf((match) -> match.alertId().equals(alertId));
		this.sent.deleteByAlertId(alertId);
	}

}
