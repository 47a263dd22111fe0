package uk.nhsjob.ingest.pull.fetch;

import java.net.InetAddress;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PullAddressesTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "public", textBlock = """
			93.184.215.14       | public
			2606:2800:220:1::1  | public
			127.0.0.1           | a loopback address
			::1                 | a loopback address
			10.0.0.1            | a private address
			172.16.5.4          | a private address
			192.168.1.10        | a private address
			100.64.0.1          | a private address
			fd12:3456::1        | a private address
			fc00::1             | a private address
			169.254.169.254     | a link-local address
			fe80::1             | a link-local address
			224.0.0.1           | a multicast address
			ff02::1             | a multicast address
			0.0.0.0             | an unspecified address
			::                  | an unspecified address
			::ffff:10.0.0.1     | a private address
			::192.168.0.1       | a private address
			64:ff9b::a00:1      | a private address
			2002:a9fe:a9fe::1   | a link-local address
			240.0.0.1           | a reserved address
			""")
	void refusesEveryAddressOfTheServicesOwnNetwork(String address, String refused) throws Exception {
		assertThat(PullAddresses.whyRefused(InetAddress.getByName(address), false)).isEqualTo(refused);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "allowed", textBlock = """
			127.0.0.1     | allowed
			::1           | allowed
			10.0.0.1      | a private address
			169.254.0.1   | a link-local address
			""")
	void allowsLoopbackAndOnlyLoopbackWhenTheSettingSays(String address, String refused) throws Exception {
		assertThat(PullAddresses.whyRefused(InetAddress.getByName(address), true)).isEqualTo(refused);
	}

}
