package uk.nhsjob.matcher.alert;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.repository.ListCrudRepository;

import uk.nhsjob.common.vocabulary.AlertStatus;

/** All alerts, by id. */
public interface Alerts extends ListCrudRepository<Alert, String> {

	/** The statuses of an alert that still counts against its address's limit. */
	List<AlertStatus> LIVE = List.of(AlertStatus.PENDING_CONFIRMATION, AlertStatus.ACTIVE, AlertStatus.PAUSED);

	List<Alert> findByEmailAndStatus(String email, AlertStatus status);

	List<Alert> findByEmail(String email);

	long countByEmail(String email);

	List<Alert> findByStatusAndConfirmationRequestedAtLessThanEqual(AlertStatus status, Instant cutoff);

	Stream<Alert> findByStatus(AlertStatus status);

	List<Alert> findByPendingPublicationTrue();

	/** A batch of the stopped alerts that stopped at or before the cutoff. */
	List<Alert> findTop500ByStatusInAndErasingFalseAndStoppedAtLessThanEqual(Collection<AlertStatus> statuses,
			Instant cutoff);

	List<Alert> findByWelcomeSetPendingTrueAndStatus(AlertStatus status);

}
