from kabar.urls import host_of, scheme_of


def test_hosts_of_urls_with_and_without_scheme():
    assert host_of("https://WWW.Kompas.com/read/1") == "www.kompas.com"
    assert host_of("detik.com/news") == "detik.com"
    assert host_of("") is None and host_of(None) is None


def test_urls_urllib_cannot_read_have_no_host_or_scheme():
    assert host_of("https://warta.e[xample/a2") is None
    assert scheme_of("https://warta.e[xample/a2") is None
    assert scheme_of("HTTPS://x.id") == "https"
