package uk.nhsjob.ingest.normalise;

import uk.nhsjob.common.vocabulary.EmployerType;

/**
 * What a vacancy inherits from the source that pushed it.
 *
 * @param name the employer's name when the feed gives none
 * @param postcode where a vacancy without its own postcode is
 */
public record VacancySource(String sourceId, String name, EmployerType employerType, String postcode) {

}
