package uk.nhsjob.ingest.publish;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.vacancy.Vacancy;

/**
 * What a vacancy says, as a SHA-256 of its JSON without its revision and its job
 * ({@code duplicateOf}, {@code jobId}, which ingest decides, not the feed): equal hashes
 * mean an unchanged re-push. Properties are sorted, so the hash does not depend on the
 * order of the record's components.
 */
final class ContentHashes {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private ContentHashes() {
	}

	static String of(Vacancy vacancy) {
		byte[] json = JSON
			.writeValueAsBytes(Vacancies.ofJob(Vacancies.with(vacancy, 0, vacancy.postedAt()), null, null));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
