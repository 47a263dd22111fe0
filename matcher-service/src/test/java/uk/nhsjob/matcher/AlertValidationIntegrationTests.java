package uk.nhsjob.matcher;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhsjob.matcher.Candidates.uniqueEmail;

@MatcherIntegrationTest
class AlertValidationIntegrationTests {

	@RegisterExtension
	final MatcherWorld world = new MatcherWorld();

	@ParameterizedTest(name = "[{index}] {1} in {0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					{"email": "x@example.org", "criteria": {"roles": ["SURGEON"]}, "frequency": "DAILY"}       | criteria.roles
					{"email": "x@example.org", "criteria": {"contractTypes": ["ZERO_HOURS"]}, "frequency": "DAILY"} | criteria.contractTypes
					{"email": "x@example.org", "criteria": {"bandMin": "10"}, "frequency": "DAILY"}             | criteria.bandMin
					{"email": "x@example.org", "criteria": {"bandMin": "5", "bandMax": "3"}, "frequency": "DAILY"} | criteria.bandMax
					{"email": "x@example.org", "criteria": {"postcode": "NOT A CODE"}, "frequency": "DAILY"}    | criteria.postcode
					{"email": "x@example.org", "criteria": {"postcode": "ZZ9 9ZZ"}, "frequency": "DAILY"}       | criteria.postcode
					{"email": "x@example.org", "criteria": {"postcode": "LS6", "radiusMiles": 0}, "frequency": "DAILY"} | criteria.radiusMiles
					{"email": "x@example.org", "criteria": {"postcode": "LS6", "radiusMiles": 101}, "frequency": "DAILY"} | criteria.radiusMiles
					{"email": "x@example.org", "criteria": {"minSalary": -1}, "frequency": "DAILY"}             | criteria.minSalary
					{"email": "x@example.org", "criteria": {}, "frequency": "HOURLY"}                           | frequency
					{"email": "x@example.org", "criteria": {}}                                                  | frequency
					{"email": "not-an-address", "criteria": {}, "frequency": "DAILY"}                           | email
					{"email": "x@localhost", "criteria": {}, "frequency": "DAILY"}                              | email
					{"criteria": {}, "frequency": "DAILY"}                                                      | email
					""")
	void rejectsAnInvalidAlertNamingTheField(String body, String field) {
		this.world.http()
			.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(400)
			.jsonPath("$.errors[*].field")
			.<List<String>>value((fields) -> assertThat(fields).contains(field))
			.jsonPath("$.detail")
			.<String>value((detail) -> assertThat(detail).contains(field));
	}

	@Test
	void rejectsABodyThatIsNotJson() {
		this.world.http()
			.post()
			.uri("/api/v1/alerts")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"email\": ")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
