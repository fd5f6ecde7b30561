import logging

from tokodesk import credentials, logsetup


def test_bearer_token_and_known_secret_are_redacted(tmp_path):
    credentials.set_client_secret("C", "my-client-secret-xyz")
    record = logging.LogRecord("t", logging.INFO, __file__, 1,
                               "GET %s with Authorization: Bearer abcdefGHIJ123456 and secret my-client-secret-xyz",
                               ("/v2/order/list",), None)
    logsetup.RedactingFilter().filter(record)
    text = record.getMessage()
    assert "abcdefGHIJ123456" not in text and "my-client-secret-xyz" not in text
    assert "/v2/order/list" in text and logsetup.REDACTED in text


def test_query_and_json_secrets_are_redacted():
    text = logsetup.redact('token?app_secret=AbCdEf123&x=1 {"access_token": "tok-999999", "error_code": "ORD_DLV_013"}')
    assert "AbCdEf123" not in text and "tok-999999" not in text
    assert "ORD_DLV_013" in text  # error codes are not secrets


def test_file_log_never_contains_the_secret(tmp_path):
    credentials.set_client_secret("C", "another-secret-777")
    handler_path = tmp_path / "logs" / "t.log"
    handler_path.parent.mkdir()
    handler = logging.FileHandler(handler_path)
    handler.addFilter(logsetup.RedactingFilter())
    log = logging.getLogger("tokodesk.test.redaction")
    log.addHandler(handler)
    try:
        try:
            raise RuntimeError("failed with another-secret-777")
        except RuntimeError:
            log.exception("request failed: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    finally:
        log.removeHandler(handler)
        handler.close()
    content = handler_path.read_text()
    assert "another-secret-777" not in content and "QWxhZGRpbjpvcGVuIHNlc2FtZQ==" not in content
    assert "RuntimeError" in content
