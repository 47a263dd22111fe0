package uk.nhsjob.matcher.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;

import uk.nhsjob.common.Topics;
import uk.nhsjob.common.match.MatchedVacancy;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.match.WelcomeSetMatched;
import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.common.vocabulary.AlertStatus;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.AlertErased;
import uk.nhsjob.matcher.alert.Alerts;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

/**
 * Publishes matches: each open vacancy to the active alerts it matches, and each newly
 * confirmed alert's welcome set. A match is recorded as sent only once the broker has
 * acknowledged it, so none is lost; a crash in between may send it twice, under the same
 * match id. A plain scan of the active alerts, for now.
 * <p>
 * Both run under one lock, so a vacancy that arrives while an alert is being confirmed
 * reaches it once, either in its welcome set or on its own.
 */
@Component
class Matchmaker {

	private static final Duration ACK_TIMEOUT = Duration.ofSeconds(10);

	private final Alerts alerts;

	private final WelcomeSetOutbox welcomeSets;

	private final SentMatches sent;

	private final OpenVacancies openVacancies;

	private final RebuildProgress rebuild;

	private final PostcodeDirectory postcodes;

	private final KafkaOperations<String, Object> kafka;

	private final Clock clock;

	Matchmaker(Alerts alerts, WelcomeSetOutbox welcomeSets, SentMatches sent, OpenVacancies openVacancies,
			RebuildProgress rebuild, PostcodeDirectory postcodes, KafkaOperations<String, Object> kafka, Clock clock) {
		this.alerts = alerts;
		this.welcomeSets = welcomeSets;
		this.sent = sent;
		this.openVacancies = openVacancies;
		this.rebuild = rebuild;
		this.postcodes = postcodes;
		this.kafka = kafka;
		this.clock = clock;
	}

	/**
	 * Sends an open vacancy to every active alert it matches that has not had it yet.
	 * @throws MatchNotPublished when the broker did not acknowledge every match; those it
	 * did are recorded, so a retry sends only the rest
	 */
	synchronized void matchVacancy(Vacancy vacancy) {
		Instant now = this.clock.instant();
		List<VacancyMatched> matches = new ArrayList<>();
		try (Stream<Alert> active = this.alerts.findByStatus(AlertStatus.ACTIVE)) {
			active.filter((alert) -> !alert.erasing()).forEach((alert) -> {
				AlertCriteria criteria = AlertCriteria.of(alert.criteria(), this.postcodes);
				if (criteria.matches(vacancy) && !this.sent.existsById(SentMatch.idOf(alert.id(), vacancy.id()))) {
					matches.add(VacancyMatched.of(alert.id(), matchedVacancy(vacancy, criteria), now));
				}
			});
		}
		List<CompletableFuture<?>> acks = matches.stream()
			.<CompletableFuture<?>>map((match) -> this.kafka.send(Topics.ALERTS, match.alertId(), match))
			.toList();
		MatchNotPublished failure = null;
		for (int i = 0; i < matches.size(); i++) {
			try {
				awaitAck(acks.get(i));
				record(matches.get(i).alertId(), vacancy.id(), SentMatch.Via.MATCH, now);
			}
			catch (MatchNotPublished ex) {
				failure = ex;
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/**
	 * Publishes the welcome set of a confirmed alert: the newest open vacancies that
	 * match it and their total, leaving out those already sent on their own. Every one of
	 * them then counts as sent.
	 * @return whether the welcome set is published; false when it is not due, or cannot
	 * be built yet because the open vacancies are still being rebuilt
	 * @throws MatchNotPublished when the broker did not acknowledge it
	 */
	synchronized boolean sendWelcomeSet(String alertId) {
		Optional<Alert> due = this.welcomeSets.dueAlert(alertId);
		if (due.isEmpty() || !this.rebuild.isComplete()) {
			return false;
		}
		AlertCriteria criteria = AlertCriteria.of(due.get().criteria(), this.postcodes);
		Set<String> sentAlone = this.sent.findByAlertIdAndVia(alertId, SentMatch.Via.MATCH)
			.stream()
			.map(SentMatch::vacancyId)
			.collect(Collectors.toSet());
		List<Vacancy> matching = this.openVacancies.newestFirst()
			.stream()
			.filter((vacancy) -> !sentAlone.contains(vacancy.id()) && criteria.matches(vacancy))
			.toList();
		Instant now = this.clock.instant();
		List<MatchedVacancy> newest = matching.stream()
			.limit(WelcomeSetMatched.MAX_VACANCIES)
			.map((vacancy) -> matchedVacancy(vacancy, criteria))
			.toList();
		WelcomeSetMatched welcomeSet = new WelcomeSetMatched(UUID.randomUUID(), WelcomeSetMatched.SCHEMA_VERSION, now,
				alertId, newest, matching.size());
		awaitAck(this.kafka.send(Topics.ALERTS, alertId, welcomeSet));
		matching.forEach((vacancy) -> record(alertId, vacancy.id(), SentMatch.Via.WELCOME_SET, now));
		this.welcomeSets.markSent(alertId);
		return true;
	}

	/**
	 * Forgets which vacancies an erased alert was sent. Under the same lock as matching,
	 * so no match in flight records one afterwards.
	 */
	@EventListener
	synchronized void forget(AlertErased erased) {
		this.sent.deleteByAlertId(erased.alertId());
	}

	static MatchedVacancy matchedVacancy(Vacancy vacancy, AlertCriteria criteria) {
		return new MatchedVacancy(vacancy.id(), vacancy.revision(), vacancy.title(), vacancy.employerName(),
				vacancy.bandMin(), vacancy.bandMax(), vacancy.salaryMinAnnual(), vacancy.salaryMaxAnnual(),
				vacancy.salaryText(), vacancy.hoursPerWeek(), vacancy.workingPatterns(), vacancy.town(),
				vacancy.postcode(), criteria.distanceMiles(vacancy), vacancy.postedAt(), vacancy.closingDate(),
				vacancy.applyUrl());
	}

	/** Records a pair as sent; the first record of a pair stands. */
	private void record(String alertId, String vacancyId, SentMatch.Via via, Instant now) {
		try {
			this.sent.insert(SentMatch.of(alertId, vacancyId, via, now));
		}
		catch (DuplicateKeyException ex) {
			// sent before: a redelivery or a retry
		}
	}

	private static void awaitAck(CompletableFuture<?> ack) {
		try {
			ack.get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new MatchNotPublished(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MatchNotPublished(ex);
		}
	}

	/** The broker did not acknowledge a match in time. */
	static class MatchNotPublished extends RuntimeException {

		MatchNotPublished(Throwable cause) {
			super("match not acknowledged by the broker: " + cause, cause);
		}

	}

}
