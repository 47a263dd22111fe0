package uk.nhsjob.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import tools.jackson.databind.json.JsonMapper;

import uk.nhsjob.common.match.AlertMatch;
import uk.nhsjob.common.match.VacancyMatched;
import uk.nhsjob.common.profile.AlertProfileChanged;
import uk.nhsjob.common.vacancy.VacancyPublished;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins each event's JSON as the other services (and anything else reading the topics) see
 * it: a change to a contract fails here first. To change a contract on purpose, bump its
 * schema version and update its golden file in the same commit.
 */
class EventWireShapeTests {

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<Arguments> events() {
		return Stream.of(Arguments.of("vacancy-published.json", Events.vacancyPublished(), Object.class),
				Arguments.of("vacancy-published-v1.json", Events.vacancyPublishedVersion1(), Object.class),
				Arguments.of("alert-profile-changed.json", Events.alertProfileChanged(), Object.class),
				Arguments.of("vacancy-matched-v1.json", Events.vacancyMatchedVersion1(), AlertMatch.class),
				Arguments.of("vacancy-matched.json", Events.vacancyMatched(), AlertMatch.class),
				Arguments.of("welcome-set-matched.json", Events.welcomeSetMatched(), AlertMatch.class),
				Arguments.of("address-notice.json", Events.addressNotice(), Object.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void serialisesToItsGoldenFile(String golden, Object event, Class<?> readAs) throws Exception {
		JSONAssert.assertEquals(read(golden), this.json.writeValueAsString(event), JSONCompareMode.STRICT);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void readsBackFromItsGoldenFile(String golden, Object event, Class<?> readAs) throws Exception {
		Class<?> type = (readAs == Object.class) ? event.getClass() : readAs;
		assertThat(this.json.readValue(read(golden), type)).isEqualTo(event);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("events")
	void carriesAnEventIdAndSchemaVersion(String golden, Object event, Class<?> readAs) throws Exception {
		var tree = this.json.readTree(read(golden));
		assertThat(tree.path("eventId").asString()).isNotBlank();
		assertThat(tree.path("schemaVersion").asInt()).isPositive();
	}

	@Test
	void readsAVersion1ProfileAsRemindingOfClosingSoonWithNoCriteria() throws Exception {
		AlertProfileChanged v1 = this.json.readValue(read("alert-profile-changed-v1.json"), AlertProfileChanged.class);
		assertThat(v1).isEqualTo(Events.alertProfileChangedVersion1());
		assertThat(v1.criteria()).isNull();
		assertThat(v1.remindsOfClosingSoon()).isTrue();
	}

	@Test
	void readsAVersion1VacancyAsAJobOfItsOwn() throws Exception {
		VacancyPublished v1 = this.json.readValue(read("vacancy-published-v1.json"), VacancyPublished.class);
		assertThat(v1.vacancy().duplicateOf()).isNull();
		assertThat(v1.vacancy().job()).isEqualTo(v1.vacancy().id());
		AlertMatch match = this.json.readValue(read("vacancy-matched-v1.json"), AlertMatch.class);
		assertThat(((VacancyMatched) match).vacancy().job()).isEqualTo("leeds-th:C123-4567");
	}

	@Test
	void aDuplicateIsACopyOfTheJobItDuplicates() {
		assertThat(Events.vacancy().job()).isEqualTo("nhs-jobs:C123-4567");
		assertThat(Events.matchedVacancy().job()).isEqualTo("nhs-jobs:C123-4567");
	}

	@Test
	void readsAProfilePublishedBeforeTheNotMeLinkAsHavingNone() throws Exception {
		String earlier = read("alert-profile-changed.json").replaceAll(",\\s*\"notMeUrl\": \"[^\"]*\"", "");
		assertThat(earlier).doesNotContain("notMeUrl");
		AlertProfileChanged read = this.json.readValue(earlier, AlertProfileChanged.class);
		assertThat(read.notMeUrl()).isNull();
		assertThat(read.manageUrl()).isEqualTo(Events.alertProfileChanged().manageUrl());
	}

	@Test
	void readsAFieldItDoesNotKnowFromALaterVersion() throws Exception {
		String later = read("alert-profile-changed.json").replace("\"closingSoon\": true",
				"\"closingSoon\": false, \"addedInVersion9\": {\"anything\": 1}");
		AlertProfileChanged read = this.json.readValue(later, AlertProfileChanged.class);
		assertThat(read.remindsOfClosingSoon()).isFalse();
	}

	private static String read(String golden) throws IOException {
		try (InputStream in = EventWireShapeTests.class.getResourceAsStream("/golden/" + golden)) {
			assertThat(in).as("golden file " + golden).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
