# source: torvalds/linux:tools/testing/selftests/net/altnames.sh@01d8136fa17fefda7f97b3c4a8a771c82412042a
# what: ip link property add/del altname (short and long alternative names), ip -j -p link show by altname
# changes:
#  - $DUMMY_DEV, $SHORT_NAME, $LONG_NAME replaced by their values
#  - dummytest created as "type ifb" instead of "type dummy" (this kernel has no dummy driver)
#  - output=$(...) captures, jq and check_err left out; the "&>/dev/null" redirections dropped
#  - the check that showing the deleted short name fails left out; cleanup left out (the long name stays, as in the test)
ip link add name dummytest type ifb
ip link property add dummytest altname shortname
ip -j -p link show shortname
ip -j -p link show dummytest
ip link property add dummytest altname someveryveryveryveryveryverylongname
ip -j -p link show someveryveryveryveryveryverylongname
ip link property del dummytest altname shortname
