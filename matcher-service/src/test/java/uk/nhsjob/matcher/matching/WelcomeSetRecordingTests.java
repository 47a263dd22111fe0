package uk.nhsjob.matcher.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.core.KafkaOperations;

import uk.nhsjob.common.vacancy.Vacancy;
import uk.nhsjob.matcher.ServiceClock;
import uk.nhsjob.matcher.Vacancies;
import uk.nhsjob.matcher.alert.Alert;
import uk.nhsjob.matcher.alert.Criteria;
import uk.nhsjob.matcher.alert.StoredAlerts;
import uk.nhsjob.matcher.alert.WelcomeSetOutbox;
import uk.nhsjob.platform.postcode.PostcodeDirectory;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A welcome set's vacancies count as sent only once MongoDB holds them, before the
 * welcome set goes out: held in one instance's memory instead, another instance matching
 * one of them again would not know it was sent (docs/matching.md, "Several instances").
 */
class WelcomeSetRecordingTests {

	@Test
	@SuppressWarnings("unchecked")
	void aWelcomeSetWhoseVacanciesMongoDbRefusesIsNotPublished() {
		Instant activatedAt = ServiceClock.LONDON.instant();
		Alert alert = StoredAlerts.active("someone@example.org", new Criteria(List.of(), null, null, null, null, null,
				List.of(), List.of(), List.of(), List.of(), null, "phlebotomy"), activatedAt);
		WelcomeSetOutbox welcomeSets = mock(WelcomeSetOutbox.class);
		given(welcomeSets.claim(alert.id())).willReturn(Optional.of(new WelcomeSetOutbox.Due(alert, activatedAt)));
		SentMatches refusing = mock(SentMatches.class);
		given(refusing.insert(any(SentMatch.class))).willThrow(new DataAccessResourceFailureException("MongoDB away"));
		OpenVacancies openVacancies = new OpenVacancies(ServiceClock.LONDON);
		Vacancy vacancy = Vacancies.vacancy("s:1").description("phlebotomy").build();
		openVacancies.update(vacancy.id(), vacancy, activatedAt.minusSeconds(60));
		ReadWatermark watermark = new ReadWatermark(Duration.ZERO);
		watermark.startRound(activatedAt.plusSeconds(1), Map.of());
		watermark.readUpTo(Map.of());
		OpenVacancyReader vacancyView = mock(OpenVacancyReader.class);
		given(vacancyView.watermark()).willReturn(watermark);
		KafkaOperations<String, Object> kafka = mock(KafkaOperations.class);
		Matchmaker matchmaker = new Matchmaker(mock(ActiveAlertIndex.class), welcomeSets, new SentLedger(refusing),
				openVacancies, vacancyView, PostcodeDirectory.load(), kafka, ServiceClock.LONDON);

		assertThatThrownBy(() -> matchmaker.sendWelcomeSet(alert.id()))
			.isInstanceOf(DataAccessResourceFailureException.class);
		verify(kafka, never()).executeInTransaction(any());
		verify(welcomeSets, never()).markSent(alert.id());
	}

}
