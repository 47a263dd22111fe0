package uk.nhsjob.notifier.delivery;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

@Document("closedVacancies")
record ClosedVacancy(@Id String vacancyId, long revision, Instant closedAt) {

}
