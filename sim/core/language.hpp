#pragma once
// The two languages of what readers see: the policy brief (sim/report), the viewer's panels and the
// scenarios' titles (sim/scenario/scenario_words.hpp). Dutch for the province's aldermen and workshops,
// English for researchers and the command line.

namespace hhu {

enum class Language { English, Dutch };

}  // namespace hhu
