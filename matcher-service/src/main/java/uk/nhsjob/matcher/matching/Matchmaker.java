package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertErased;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;
import uk.nhsjob.matcher.index.CriteriaProbe;
import uk.nhsjob.matcher.index.MatchIndex;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Publishes matches: each open vacancy to the active alerts it matches and that have not
 * had its job (any copy of it), and each newly confirmed alert's welcome set. Nothing
 * here is held in one instance only: several instances match at once (docs/matching.md,
 * "Several instances").
 * <p>
 * A vacancy's matches go out in the Kafka transaction that also commits the vacancy's
 * offset, and are recorded as sent once it has committed. A vacancy record goes to the
 * alerts matched from before its append time; a welcome set lists the open vacancies
 * appended up to its alert's activation, so each vacancy reaches a newly confirmed alert
 * once: in its welcome set or on its own.
 */
@Component
class Matchmaker {

	private final ActiveAlertIndex activeAlerts;

	private final WelcomeSetOutbox welcomeSets;

	private final SentLedger sent;

	private final OpenVacancies openVacancies;

	private final OpenVacancyReader vacancyView;

	private final PostcodeDirectory postcodes;

	private final KafkaOperations<String, Object> kafka;

	private final Clock clock;

	/**
	 * Welcome sets published but not yet marked so in MongoDB; after a crash in between,
	 * {@link SentReconciliation} marks them from the topic.
	 */
	private final Set<String> publishedNotMarked = ConcurrentHashMap.newKeySet();

	Matchmaker(ActiveAlertIndex activeAlerts, WelcomeSetOutbox welcomeSets, SentLedger sent,
			OpenVacancies openVacancies, OpenVacancyReader vacancyView, PostcodeDirectory postcodes,
			KafkaOperations<String, Object> kafka, Clock clock) {
		this.activeAlerts = activeAlerts;
		this.welcomeSets = welcomeSets;
		this.sent = sent;
		this.openVacancies = openVacancies;
		this.vacancyView = vacancyView;
		this.postcodes = postcodes;
		this.kafka = kafka;
		this.clock = clock;
	}

	/**
	 * Sends an open vacancy to every active alert it matches, matched from before the
	 * record's append time, that has not had it yet, in the caller's Kafka transaction;
	 * the pairs are recorded as sent once it commits. Without a transaction they are
	 * recorded at once.
	 * @param appendedAt the vacancy record's append time on the broker
	 * @return how many alerts it was sent to
	 */
	int matchVacancy(Vacancy vacancy, Instant appendedAt) {
		Instant now = this.clock.instant();
		List<MatchIndex.IndexMatch> hits = this.activeAlerts.matching(vacancy, appendedAt);
		// an alert is sent each job once, whichever copy (docs/matching.md)
		Set<String> sentBefore = this.sent.alertsSent(vacancy.job(),
				hits.stream().map(MatchIndex.IndexMatch::alertId).toList());
		List<SentMatch> sending = new ArrayList<>();
		for (MatchIndex.IndexMatch hit : hits) {
			if (!sentBefore.contains(hit.alertId())) {
				VacancyMatched match = VacancyMatched.of(hit.alertId(), matchedVacancy(vacancy, hit.distanceMiles()),
						now);
				this.kafka.send(Topics.ALERTS, hit.alertId(), match);
				sending.add(SentMatch.of(hit.alertId(), vacancy.job(), SentMatch.Via.MATCH, now));
			}
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new RecordOnCommit(sending));
		}
		else {
			this.sent.record(sending);
		}
		return sending.size();
	}

	/**
	 * Publishes the welcome set of a confirmed alert whose welcome set this instance has
	 * claimed: the newest open vacancies that match it, appended at or before the
	 * activating profile record, and their total, leaving out those already sent on their
	 * own. Every one of them counts as sent, and is recorded so in MongoDB before the
	 * welcome set is published (if MongoDB refuses, nothing is published and the welcome
	 * set is tried again later), so one recorded for a welcome set that then fails is in
	 * it again when it is sent.
	 * @return whether the welcome set is published; false when it is not due, claimed by
	 * another instance, or cannot be built yet because the vacancy view has not read as
	 * far as the activation
	 */
	boolean sendWelcomeSet(String alertId) {
		if (this.publishedNotMarked.contains(alertId)) {
			markSent(alertId);
			return true;
		}
		Optional<WelcomeSetOutbox.Due> claimed = this.welcomeSets.claim(alertId);
		if (claimed.isEmpty()) {
			return false;
		}
		Alert alert = claimed.get().alert();
		Instant activatedAt = claimed.get().activatedAt();
		if (!this.vacancyView.watermark().covers(activatedAt)) {
			this.welcomeSets.release(alertId);
			return false;
		}
		CriteriaProbe criteria = CriteriaProbe.of(alert.criteria(), this.postcodes);
		Set<String> sentAlone = this.sent.jobsSentAlone(alertId);
		Set<String> listed = new HashSet<>();
		Instant now = this.clock.instant();
		List<MatchedVacancy> matching = new ArrayList<>();
		for (Vacancy vacancy : this.openVacancies.appendedUpTo(activatedAt)) {
			MatchIndex.IndexMatch match = sentAlone.contains(vacancy.job()) ? null : criteria.match(vacancy);
			// one copy of each job
			if (match != null && listed.add(vacancy.job())) {
				matching.add(matchedVacancy(vacancy, match.distanceMiles()));
			}
		}
		// in MongoDB before it goes out, or not at all: another instance must see them
		this.sent.recordNow(matching.stream()
			.map((vacancy) -> SentMatch.of(alertId, vacancy.job(), SentMatch.Via.WELCOME_SET, now))
			.toList());
		WelcomeSetMatched welcomeSet = new WelcomeSetMatched(UUID.randomUUID(), WelcomeSetMatched.SCHEMA_VERSION, now,
				alertId, matching.subList(0, Math.min(matching.size(), WelcomeSetMatched.MAX_VACANCIES)),
				matching.size());
		this.kafka.executeInTransaction((operations) -> operations.send(Topics.ALERTS, alertId, welcomeSet));
		this.publishedNotMarked.add(alertId);
		markSent(alertId);
		return true;
	}

	/**
	 * Should MongoDB refuse, the next try marks it again rather than publish it again.
	 */
	private void markSent(String alertId) {
		this.welcomeSets.markSent(alertId);
		this.publishedNotMarked.remove(alertId);
	}

	/** Forgets which vacancies an erased alert was sent. */
	@EventListener
	void forget(AlertErased erased) {
		this.sent.forget(erased.alertId());
	}

	static MatchedVacancy matchedVacancy(Vacancy vacancy, @Nullable Double distanceMiles) {
		return new MatchedVacancy(vacancy.id(), vacancy.revision(), vacancy.title(), vacancy.employerName(),
				vacancy.bandMin(), vacancy.bandMax(), vacancy.salaryMinAnnual(), vacancy.salaryMaxAnnual(),
				vacancy.salaryText(), vacancy.hoursPerWeek(), vacancy.workingPatterns(), vacancy.town(),
				vacancy.postcode(), distanceMiles, vacancy.postedAt(), vacancy.closingDate(), vacancy.applyUrl(),
				vacancy.job());
	}

	/** Records a vacancy's matches once its transaction commits. */
	private final class RecordOnCommit implements TransactionSynchronization {

		private final List<SentMatch> sending;

		RecordOnCommit(List<SentMatch> sending) {
			this.sending = sending;
		}

		@Override
		public void afterCommit() {
			Matchmaker.this.sent.record(this.sending);
		}

	}

}
