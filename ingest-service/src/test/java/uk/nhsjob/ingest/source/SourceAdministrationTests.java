package uk.nhsjob.ingest.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import uk.nhsjob.ingest.IngestApi;
import uk.nhsjob.ingest.IngestApi.Response;
import uk.nhsjob.ingest.IngestServiceTest;

import static org.assertj.core.api.Assertions.assertThat;

@IngestServiceTest
class SourceAdministrationTests {

	private static final String EMPTY_FEED = "{\"vacancies\":[]}";

	@LocalServerPort
	int port;

	@Autowired
	Sources sources;

	IngestApi api;

	@BeforeEach
	void setUp() {
		this.api = new IngestApi(this.port);
	}

	@Test
	void registersSourceWhoseKeyOpensItsFeed() {
		String sourceId = IngestApi.uniqueSourceId("trust");

		Response registered = this.api.registerSource(sourceId, "NHS_TRUST", "ls14ap");

		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.json().path("sourceId").asString()).isEqualTo(sourceId);
		String apiKey = registered.json().path("apiKey").asString();
		assertThat(apiKey).matches("[A-Za-z0-9_-]{43}");
		Response feed = this.api.pushFeed(sourceId, apiKey, EMPTY_FEED);
		assertThat(feed.status()).as(feed.text()).isEqualTo(200);
		assertThat(feed.json().path("received").asInt()).isZero();
	}

	@Test
	void keepsOnlyTheHashOfAKey() throws NoSuchAlgorithmException {
		String sourceId = IngestApi.uniqueSourceId("hashed");
		String apiKey = this.api.newSource(sourceId, "GP_PRACTICE", "LS6 2AB");

		Source stored = this.sources.findById(sourceId).orElseThrow();

		String expectedHash = sha256Hex(apiKey);
		assertThat(stored.keys()).singleElement()
			.satisfies((key) -> assertThat(key.keyHash()).isEqualTo(expectedHash).isNotEqualTo(apiKey));
		assertThat(stored.toString()).doesNotContain(apiKey);
	}

	@Test
	void rejectsAdminCallsWithoutTheAdminToken() {
		String body = IngestApi.toJson(Map.of("sourceId", IngestApi.uniqueSourceId("nope"), "name", "Nope",
				"employerType", "NHS_TRUST", "postcode", "LS1 4AP"));

		Response anonymous = this.api.post("/api/v1/admin/sources", null, "application/json", body);
		Response wrongToken = this.api.post("/api/v1/admin/sources", "not-the-admin-token", "application/json", body);
		Response list = this.api.get("/api/v1/admin/sources", "not-the-admin-token");

		for (Response response : new Response[] { anonymous, wrongToken, list }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.isProblem()).as(response.contentType()).isTrue();
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
		}
	}

	@Test
	void refusesASecondSourceWithTheSameId() {
		String sourceId = IngestApi.uniqueSourceId("twice");
		this.api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");

		Response again = this.api.registerSource(sourceId, "GP_PRACTICE", "LS6 2AB");

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.isProblem()).isTrue();
	}

	@Test
	void refusesInvalidRegistrationsNamingTheField() {
		Response badId = this.api.registerSource("Not_A_Valid_Id", "NHS_TRUST", "LS1 4AP");
		Response badPostcode = this.api.registerSource(IngestApi.uniqueSourceId("badpc"), "NHS_TRUST", "NOT A PC");
		Response badType = this.api.registerSource(IngestApi.uniqueSourceId("badtype"), "HOSPITAL", "LS1 4AP");

		assertThat(badId.status()).isEqualTo(400);
		assertThat(badId.isProblem()).isTrue();
		assertThat(badId.json().path("errors").path(0).path("field").asString()).isEqualTo("sourceId");
		assertThat(badPostcode.status()).isEqualTo(400);
		assertThat(badPostcode.json().path("errors").path(0).path("field").asString()).isEqualTo("postcode");
		assertThat(badType.status()).isEqualTo(400);
		assertThat(badType.isProblem()).isTrue();
	}

	@Test
	void listsSourcesWithoutTheirKeys() {
		String sourceId = IngestApi.uniqueSourceId("listed");
		String apiKey = this.api.newSource(sourceId, "PRIVATE_PRACTICE", "ls14ap");

		Response list = this.api.get("/api/v1/admin/sources", IngestApi.ADMIN_TOKEN);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.text()).doesNotContain(apiKey).doesNotContain(ApiKeys.hashOf(apiKey));
		JsonNode listed = null;
		for (JsonNode source : list.json().path("sources")) {
			if (source.path("sourceId").asString().equals(sourceId)) {
				listed = source;
			}
		}
		assertThat(listed).isNotNull();
		assertThat(listed.path("employerType").asString()).isEqualTo("PRIVATE_PRACTICE");
		assertThat(listed.path("postcode").asString()).isEqualTo("LS1 4AP");
		assertThat(listed.path("keys").path(0).path("keyId").asString()).isNotBlank();
		assertThat(listed.path("keys").path(0).has("keyHash")).isFalse();
	}

	@Test
	void rotatesKeysWithoutAGap() {
		String sourceId = IngestApi.uniqueSourceId("rotating");
		String firstKey = this.api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");
		String firstKeyId = this.sources.findById(sourceId).orElseThrow().keys().get(0).keyId();

		Response issued = this.api.post("/api/v1/admin/sources/" + sourceId + "/keys", IngestApi.ADMIN_TOKEN, null, "");
		assertThat(issued.status()).isEqualTo(201);
		String secondKey = issued.json().path("apiKey").asString();
		assertThat(issued.json().path("keyId").asString()).isNotBlank().isNotEqualTo(firstKeyId);
		assertThat(this.api.pushFeed(sourceId, firstKey, EMPTY_FEED).status()).isEqualTo(200);
		assertThat(this.api.pushFeed(sourceId, secondKey, EMPTY_FEED).status()).isEqualTo(200);

		Response revoked = this.api.delete("/api/v1/admin/sources/" + sourceId + "/keys/" + firstKeyId,
				IngestApi.ADMIN_TOKEN);

		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.api.pushFeed(sourceId, firstKey, EMPTY_FEED).status()).isEqualTo(401);
		assertThat(this.api.pushFeed(sourceId, secondKey, EMPTY_FEED).status()).isEqualTo(200);
	}

	@Test
	void answersNotFoundForKeysOfUnknownSourcesOrUnknownKeys() {
		String sourceId = IngestApi.uniqueSourceId("known");
		this.api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");

		Response unknownSource = this.api.post("/api/v1/admin/sources/" + IngestApi.uniqueSourceId("unknown") + "/keys",
				IngestApi.ADMIN_TOKEN, null, "");
		Response unknownKey = this.api.delete("/api/v1/admin/sources/" + sourceId + "/keys/no-such-key",
				IngestApi.ADMIN_TOKEN);

		assertThat(unknownSource.status()).isEqualTo(404);
		assertThat(unknownSource.isProblem()).isTrue();
		assertThat(unknownKey.status()).isEqualTo(404);
		assertThat(unknownKey.isProblem()).isTrue();
	}

	@Test
	void rejectsFeedSignedWithAnotherSourcesKey() {
		String ours = IngestApi.uniqueSourceId("ours");
		String theirs = IngestApi.uniqueSourceId("theirs");
		this.api.newSource(ours, "NHS_TRUST", "LS1 4AP");
		String theirKey = this.api.newSource(theirs, "NHS_TRUST", "LS1 4AP");

		Response response = this.api.pushFeed(ours, theirKey, EMPTY_FEED);

		assertThat(response.status()).isEqualTo(403);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void rejectsFeedWithoutAKeyOrWithAnUnknownOne() {
		String sourceId = IngestApi.uniqueSourceId("locked");
		this.api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");

		Response anonymous = this.api.post("/api/v1/feeds/" + sourceId, null, "application/json", EMPTY_FEED);
		Response unknownKey = this.api.pushFeed(sourceId, "a-key-nobody-issued", EMPTY_FEED);
		Response adminToken = this.api.pushFeed(sourceId, IngestApi.ADMIN_TOKEN, EMPTY_FEED);

		for (Response response : new Response[] { anonymous, unknownKey, adminToken }) {
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.isProblem()).isTrue();
		}
	}

	@Test
	void checksTheKeyBeforeTheBody() {
		String sourceId = IngestApi.uniqueSourceId("firstkey");
		this.api.newSource(sourceId, "NHS_TRUST", "LS1 4AP");

		Response response = this.api.post("/api/v1/feeds/" + sourceId, null, "application/pdf", "%PDF-1.7");

		assertThat(response.status()).isEqualTo(401);
	}

	/**
	 * The hash the service keeps of a key: SHA-256 of its UTF-8 bytes, in lower-case hex.
	 */
	private static String sha256Hex(String key) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
	}

}
