package uk.nhsjob.ingest.source;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import uk.nhsjob.common.vocabulary.EmployerType;

/**
 * A registered source as stored: an employer's system that may push vacancies, with the
 * hashes of its keys.
 */
@Document("sources")
record Source(@Id String sourceId, String name, EmployerType employerType, String postcode, Instant registeredAt,
		List<SourceKey> keys, @Version @Nullable Long version) {

	Source {
		keys = List.copyOf(keys);
	}

	RegisteredSource view() {
		return new RegisteredSource(this.sourceId, this.name, this.employerType, this.postcode, this.registeredAt,
				this.keys.stream().map(SourceKey::view).toList());
	}

}
